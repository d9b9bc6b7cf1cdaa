import { expect, test, type Locator, type Page } from '@playwright/test';
import { deskHostForThisFile, openDesk, screenshotPath } from './support/desk-host';

// The core's VALIDATION answers, as a person sees them: next to the field, in plain words, naming nothing internal.
const desk = deskHostForThisFile();

async function openSettings(page: Page) {
  await openDesk(page, desk());
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: /^Settings/ })
    .click();
}

async function expectRefusedBeside(field: Locator, form: Locator, message: string) {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(message);
  await expect(form).not.toContainText('Invalid input');
  await expect(form).not.toContainText('Too big');
}

test('Payout settings: a bulk concurrency of 100 is refused beside its field, saying at most 32', async ({ page }) => {
  await openSettings(page);
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
  await openSettings(page);
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
