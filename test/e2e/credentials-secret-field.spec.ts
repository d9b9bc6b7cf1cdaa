import { expect, test } from '@playwright/test';
import { SANDBOX_SAMPLE } from '../../src/shared/domain';
import { deskHostForThisFile, openDesk, screenshotPath } from './support/desk-host';
import { connectionResult, createProfile, credentials, openSettings, secretStatus } from './support/settings-page';

const desk = deskHostForThisFile();

test('the embedded sandbox, which needs nothing entered, offers no secret to enter', async ({ page }) => {
  await openDesk(page, desk());
  await openSettings(page);
  await expect(secretStatus(page)).toContainText('nothing to enter');
  await expect(credentials(page).getByLabel(/merchant secret/)).toHaveCount(0);
  await expect(credentials(page).getByRole('button', { name: /secret/i })).toHaveCount(0);
  await expect(credentials(page).getByRole('button', { name: 'Test connection' })).toBeVisible();
  await page.screenshot({ path: screenshotPath('credentials-sandbox-nothing-to-enter') });
});

test('an empty secret is said at its field, in words, leaves the connection result, and goes once the user moves on', async ({
  page,
}) => {
  const simulatorUrl = (await desk().core.info()).simulatorUrl!;
  await openDesk(page, desk());
  await createProfile(page, 'Empty secret check', simulatorUrl);
  await credentials(page).getByLabel('Set merchant secret').fill(SANDBOX_SAMPLE.secret);
  await credentials(page).getByRole('button', { name: 'Save secret' }).click();
  await credentials(page).getByRole('button', { name: 'Test connection' }).click();
  await expect(connectionResult(page)).toContainText('Connection OK');

  await credentials(page).getByRole('button', { name: 'Replace', exact: true }).click();
  const field = credentials(page).getByLabel('Replace merchant secret');
  await expect(field).toHaveAccessibleDescription('Nothing to save: paste the merchant secret into this field first.');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(credentials(page).getByText(/secret:/)).toHaveCount(0);
  await expect(connectionResult(page)).toContainText('Connection OK');
  await page.screenshot({ path: screenshotPath('credentials-empty-secret-at-field') });

  const payouts = page.getByRole('region', { name: 'Payout settings' });
  await payouts.getByRole('button', { name: 'Save payout settings' }).click();
  await expect(payouts.getByRole('status')).toHaveText('Payout settings saved.');
  await expect(credentials(page).getByText('Nothing to save')).toHaveCount(0);
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
});
