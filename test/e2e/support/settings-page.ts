import { expect, type Page } from '@playwright/test';
import { SANDBOX_SAMPLE } from '../../../src/shared/domain';

export const profileForm = (page: Page) => page.getByRole('form', { name: 'Profile' });
export const credentials = (page: Page) => page.getByRole('region', { name: 'Credentials' });
export const secretStatus = (page: Page) => credentials(page).getByRole('status', { name: 'Merchant secret status' });
export const connectionResult = (page: Page) =>
  credentials(page).getByRole('status', { name: 'Connection test result' });

export interface CustomProfileExtras {
  /** The merchant Praxis knows (default the documentation's public sample merchant). */
  merchant?: { merchantId: string; applicationKey: string };
  /** Where Praxis notifies the desk (the profile's public notification URL). */
  notificationUrl?: string;
}

/** Opens Settings by the nav, not the G S chord: on a loaded machine the two keys can land too far apart to count as one. */
export async function openSettings(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: /^Settings/ })
    .click();
}

/** Creates a Custom URL profile in Settings as an operator would; it is then the one the form and Credentials show. */
export async function createProfile(page: Page, name: string, customBaseUrl: string, extras: CustomProfileExtras = {}) {
  const merchant = extras.merchant ?? SANDBOX_SAMPLE;
  await openSettings(page);
  await page.getByRole('button', { name: 'New profile' }).click();
  await profileForm(page).getByLabel('Name', { exact: true }).fill(name);
  await profileForm(page)
    .getByRole('radio', { name: /Custom URL/ })
    .check();
  await profileForm(page).getByLabel('Custom base URL').fill(customBaseUrl);
  await profileForm(page).getByLabel('merchant_id').fill(merchant.merchantId);
  await profileForm(page).getByLabel('application_key').fill(merchant.applicationKey);
  if (extras.notificationUrl)
    await profileForm(page).getByLabel('Public notification URL (optional)').fill(extras.notificationUrl);
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved “${name}”` })).toBeVisible();
}

/** Make active, then yes in the dialog that says what a switch does to everyone at the desk. */
export async function makeActive(page: Page, name: string): Promise<void> {
  await profileForm(page).getByRole('button', { name: 'Make active' }).click();
  await page
    .getByRole('alertdialog', { name: `Switch the desk to “${name}”?` })
    .getByRole('button', { name: `Switch to “${name}”` })
    .click();
}
