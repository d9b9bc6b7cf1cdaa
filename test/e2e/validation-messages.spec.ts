import { expect, test, type Locator, type Page } from '@playwright/test';
import { parseAmount } from '../../src/shared/money';
import { expectNoSeriousA11yViolations } from './support/axe';
import { deskHostForThisFile, openDesk, screenshotPath } from './support/desk-host';
import { fillCaller, openTerminal } from './support/terminal-page';
import { openSettings } from './support/settings-page';

// The core's VALIDATION answers, as a person sees them: next to the field, in plain words, naming nothing internal.
const desk = deskHostForThisFile();

async function openDeskSettings(page: Page) {
  await openDesk(page, desk());
  await openSettings(page);
}

async function expectRefusedBeside(field: Locator, form: Locator, message: string) {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(message);
  // Described by the message drawn beside it (aria-describedby), not by a tooltip standing in for it.
  const describedBy = await field.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((ref) => {
        const target = document.getElementById(ref);
        return target ? { text: target.textContent, shown: target.checkVisibility() } : null;
      }),
  );
  expect(describedBy).toEqual([{ text: message, shown: true }]);
  await expect(form).not.toContainText('Invalid input');
  await expect(form).not.toContainText('Too big');
}

/** The message is drawn right under its field (its row, in a table), not gathered at the foot of the form. */
async function expectMessageUnder(field: Locator, form: Locator, message: string) {
  const shown = form.getByRole('alert').filter({ hasText: message });
  await expect(shown).toHaveCount(1);
  const f = (await field.boundingBox())!;
  const m = (await shown.boundingBox())!;
  const gap = m.y - (f.y + f.height);
  expect(gap, `"${message}" starts ${gap} px under its field`).toBeGreaterThanOrEqual(0);
  expect(gap, `"${message}" starts ${gap} px under its field`).toBeLessThan(40);
}

test('Payout settings: a bulk concurrency of 100 is refused beside its field, saying at most 32', async ({ page }) => {
  await openDeskSettings(page);
  const panel = page.getByRole('region', { name: 'Payout settings' });
  const field = panel.getByLabel('Bulk concurrency');
  await field.fill('100');
  await panel.getByRole('button', { name: 'Save payout settings' }).click();
  await expectRefusedBeside(field, panel, 'Must be at most 32');
  await expect(panel).not.toContainText('bulkConcurrency');
  await expect(panel).not.toContainText('payout-settings:save');
  await panel.screenshot({ path: screenshotPath('validation-payout-settings') });
});

test('Operators: a PIN of two digits, and a name of 200 characters, are refused beside their fields', async ({
  page,
}) => {
  await openDeskSettings(page);
  const operators = page.getByRole('region', { name: 'Operators' });
  await operators.getByLabel('Operator name').fill('Ana');
  await operators.getByLabel('Operator PIN').fill('12');
  await operators.getByRole('button', { name: 'Add operator' }).click();
  await expectRefusedBeside(operators.getByLabel('Operator PIN'), operators, 'Must be 4 to 8 digits');
  await expect(operators).not.toContainText('operators:add');
  await operators.screenshot({ path: screenshotPath('validation-operators') });

  await operators.getByLabel('Operator name').fill('A'.repeat(200));
  await operators.getByLabel('Operator PIN').fill('1234');
  await operators.getByRole('button', { name: 'Add operator' }).click();
  await expectRefusedBeside(operators.getByLabel('Operator name'), operators, 'Must be at most 32 characters');
  await expect(operators.getByLabel('Operator PIN')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(operators.getByRole('listitem').filter({ hasText: 'AAAA' })).toHaveCount(0);
});

test('Payouts: a view name of 300 characters is refused beside the name, saying at most 60', async ({ page }) => {
  await openDesk(page, desk());
  await page.getByRole('button', { name: 'Save view…' }).click();
  const name = page.getByLabel('View name');
  await name.fill('v'.repeat(300));
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const views = page.getByRole('group', { name: 'Views of this queue' });
  await expectRefusedBeside(name, views, 'Must be at most 60 characters');
  await views.screenshot({ path: screenshotPath('validation-save-view') });
});

test('Captures settings: a hold window of 61 days, and a bulk concurrency of 100, are refused beside their fields', async ({
  page,
}) => {
  await openDeskSettings(page);
  const panel = page.getByRole('region', { name: 'Capture settings' });
  const save = panel.getByRole('button', { name: 'Save capture settings' });
  const days = panel.getByLabel('Hold window 1 days');
  await days.fill('61');
  await save.click();
  await expectRefusedBeside(days, panel, 'A hold window is at most 60 days');
  await expectMessageUnder(days, panel, 'A hold window is at most 60 days');
  await expect(panel.getByLabel('Hold window 1 minutes')).toHaveAccessibleDescription(
    'A hold window is at most 60 days',
  );
  await expect(panel.getByLabel('Hold window 1 label')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(panel.getByLabel('Hold window 2 days')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(panel).not.toContainText('holdWindows');
  await expectNoSeriousA11yViolations(page, "Settings › Captures with a hold window's message under its row");
  await panel
    .getByRole('table', { name: 'Hold windows' })
    .screenshot({ path: screenshotPath('validation-hold-window') });

  await days.fill('3');
  const bulk = panel.getByLabel('Bulk concurrency');
  await bulk.fill('100');
  await save.click();
  await expectRefusedBeside(bulk, panel, 'Must be at most 32');
  await expectMessageUnder(bulk, panel, 'Must be at most 32');
  await expect(days).not.toHaveAttribute('aria-invalid', 'true');
  await expect(panel).not.toContainText('bulkConcurrency');
  await expect(panel).not.toContainText('capture-settings:save');
  await bulk.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('validation-capture-settings') });

  await bulk.fill('many');
  await save.click();
  await expectRefusedBeside(bulk, panel, 'Enter a whole number from 1 to 32.');

  // A problem with the table as a whole (no default row left) is said above the table, which it describes.
  await bulk.fill('5');
  const table = panel.getByRole('table', { name: 'Hold windows' });
  const rows = await table.getByRole('row').count();
  await panel.getByRole('button', { name: `Remove hold window ${rows - 1}` }).click();
  await save.click();
  await expect(table).toHaveAccessibleDescription(/^Keep one default hold window/);
  await expect(panel.getByRole('alert').filter({ hasText: 'Keep one default hold window' })).toBeVisible();
  await expect(bulk).not.toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousA11yViolations(page, 'Settings › Captures refusing its hold windows');
});

test('Terminal: an amount in cents for JPY, and an email without @, are refused beside their fields', async ({
  page,
}) => {
  await openTerminal(page, desk());
  await fillCaller(page, { cid: 'e2e-vt-validation', currency: 'JPY', amount: '12.50' });
  const form = page.getByRole('region', { name: 'New session' });
  await form.getByLabel('Email').fill('ada-at-example');
  await form.getByRole('button', { name: 'Review and open…' }).click();
  const amountMessage = (parseAmount('12.50', 'JPY') as { message: string }).message;
  const amount = form.getByRole('textbox', { name: 'Amount' });
  await expectRefusedBeside(amount, form, amountMessage);
  await expectMessageUnder(amount, form, amountMessage);
  const email = form.getByLabel('Email');
  await expectRefusedBeside(email, form, 'Enter an email such as name@example.com');
  await expectMessageUnder(email, form, 'Enter an email such as name@example.com');
  await expect(form.getByLabel('First name')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Currency')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(form).not.toContainText('customer.email');
  await form.screenshot({ path: screenshotPath('validation-terminal') });
});
