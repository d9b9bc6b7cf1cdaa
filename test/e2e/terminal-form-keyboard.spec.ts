import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { deskHostForThisFile, screenshotPath } from './support/desk-host';
import { payoutsSim } from './support/payouts-sim';
import { callerChecks, fillCaller, openPage, openTerminal } from './support/terminal-page';

// A phone agent works the terminal form from the keyboard while the caller waits.
const desk = deskHostForThisFile();
const run = randomBytes(3).toString('hex');

const cidField = (page: Page) => page.getByRole('textbox', { name: 'Customer id (cid)' });
const amountField = (page: Page) => page.getByRole('textbox', { name: 'Amount' });
const fillOffer = (page: Page) => page.getByRole('button', { name: /^Fill the form from the known customer/ });
const reviewStep = (page: Page) => page.getByRole('group', { name: 'Confirm the session' });
const paymentPage = (page: Page) => page.locator('iframe[title="Praxis payment page"]');

test('Enter in a field of the form reviews it, as "Review and open…" does, and never opens the page itself', async ({
  page,
}) => {
  await openTerminal(page, desk());

  // An empty form: Enter in the first field marks it and keeps the keyboard there.
  await cidField(page).focus();
  await page.keyboard.press('Enter');
  await expect(cidField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(cidField(page)).toBeFocused();

  // A wrong email: Enter in the amount goes to the email, described by its message.
  await fillCaller(page, { cid: `e2e-vt-enter-${run}`, amount: '12.00' });
  await page.getByLabel('Email').fill('ada-at-example');
  await amountField(page).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Email')).toBeFocused();
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription('Enter an email such as name@example.com');

  // Corrected: Enter opens the review step, which still asks for the caller checks.
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('ada@example.com');
  await page.keyboard.press('Enter');
  await expect(reviewStep(page)).toBeFocused();
  await expect(reviewStep(page)).toHaveAccessibleDescription(/EUR 12\.00 — twelve euros/);
  await expect(page.getByRole('button', { name: 'Confirm and open the payment page' })).toBeDisabled();
  // Enter on a caller check does not open the payment page either.
  await callerChecks(page).first().focus();
  await page.keyboard.press('Enter');
  await expect(reviewStep(page)).toBeVisible();
  await expect(paymentPage(page)).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('81-terminal-enter-reviews') });
});

test('leaving a field with a wrong value shows its message beside it at once; an empty one passed through is left alone', async ({
  page,
}) => {
  await openTerminal(page, desk());
  await cidField(page).focus();
  await page.keyboard.press('Tab');
  await expect(cidField(page)).not.toHaveAttribute('aria-invalid', 'true');

  await amountField(page).focus();
  await page.keyboard.type('12,5');
  await page.keyboard.press('Tab');
  await expect(amountField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(amountField(page)).toHaveAccessibleDescription(/"12,5" has a separator: use a point for decimals/);
  await expect(page.getByRole('alert').filter({ hasText: '"12,5" has a separator' })).toBeVisible();

  await page.getByLabel('Email').fill('ada-at-example');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription('Enter an email such as name@example.com');
  await page.screenshot({ path: screenshotPath('82-terminal-field-left-wrong'), fullPage: true });

  // A good value left there says nothing.
  await page.getByLabel('Country (ISO code)').fill('GB');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Country (ISO code)')).not.toHaveAttribute('aria-invalid', 'true');
});

/** A session opened for `cid` (Ada Lovelace, every detail given) and closed: the desk now knows her. */
async function servedBefore(page: Page, cid: string): Promise<void> {
  await fillCaller(page, { cid, amount: '10.00' });
  await openPage(page);
  await page.getByRole('button', { name: 'Close' }).click();
}

test('a known customer is offered right after the customer id: next in the tab order, drawn below the field', async ({
  page,
}) => {
  const served = `e2e-vt-kb-near-${run}`;
  await openTerminal(page, desk());
  await servedBefore(page, served);

  await cidField(page).fill(served);
  await expect(fillOffer(page)).toBeVisible();
  await cidField(page).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Fill the form from the known customer Ada Lovelace' })).toBeFocused();
  const field = (await cidField(page).boundingBox())!;
  const offer = (await page.getByRole('status').filter({ hasText: 'Known customer: Ada Lovelace' }).boundingBox())!;
  expect(offer.y - (field.y + field.height)).toBeGreaterThanOrEqual(0);
  expect(offer.y - (field.y + field.height)).toBeLessThan(30);
  expect(Math.abs(offer.x - field.x)).toBeLessThan(10);
  await page.screenshot({ path: screenshotPath('83-terminal-known-customer-next-to-cid') });
});

test('"Fill the form" puts the keyboard in the next field the agent still has to fill, not at the top', async ({
  page,
}) => {
  const served = `e2e-vt-kb-fill-${run}`;
  // Known from her payout request, which gives her name but no email.
  const fromQueue = `e2e-vt-kb-queue-${run}`;
  await payoutsSim(desk).createRequest(fromQueue, 'EUR', 10_00, { first_name: 'Grace', last_name: 'Hopper' });
  await openTerminal(page, desk());
  await servedBefore(page, served);

  // Every detail known: the amount is what is left to type.
  await cidField(page).fill(served);
  await fillOffer(page).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Email')).toHaveValue('ada@example.com');
  await expect(amountField(page)).toBeFocused();

  // No email known: that is the next field to fill.
  await cidField(page).fill(fromQueue);
  await fillOffer(page).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('First name')).toHaveValue('Grace');
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.screenshot({ path: screenshotPath('84-terminal-filled-focus-next') });
});
