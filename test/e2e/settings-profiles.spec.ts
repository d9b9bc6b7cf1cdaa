import { expectNoSeriousA11yViolations } from './support/axe';
import { expect, test, type Page } from '@playwright/test';
import { FIRST_STORE_OPEN_MS, deskHostForThisFile, openDesk, screenshotPath, statusItem } from './support/desk-host';
import { credentials, makeActive } from './support/settings-page';

const desk = deskHostForThisFile();

const profileForm = (page: Page) => page.getByRole('form', { name: 'Profile' });

async function goToSettings(page: Page) {
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
}

test('a new profile shows the field that is wrong, then saves, edits and becomes active', async ({ page }) => {
  await openDesk(page, desk());
  await goToSettings(page);
  await page.getByRole('button', { name: 'New profile' }).click();

  // The hosts of both Praxis environments are shown where the operator picks one.
  await expect(profileForm(page).getByText('https://pci-gw-test.praxispay.com')).toBeVisible();
  await expect(profileForm(page).getByText('https://gw.praxisgate.com', { exact: false })).toBeVisible();

  await profileForm(page).getByLabel('Name', { exact: true }).fill('EU payouts');
  await profileForm(page)
    .getByRole('radio', { name: /Praxis sandbox/ })
    .check();
  await profileForm(page).getByLabel('application_key').fill('Sandbox');
  await page.getByRole('button', { name: 'Create profile' }).click();

  // The core refused the missing merchant_id; the message sits next to that field and nothing else is flagged.
  await expect(profileForm(page).getByLabel('merchant_id')).toHaveAccessibleDescription(/merchant_id is required/);
  await expect(profileForm(page).getByLabel('merchant_id')).toHaveAttribute('aria-invalid', 'true');
  await expect(profileForm(page).getByLabel('Name', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
  // What the operator typed is kept.
  await expect(profileForm(page).getByLabel('Name', { exact: true })).toHaveValue('EU payouts');
  await page.screenshot({ path: screenshotPath('02-settings-validation-error') });

  await profileForm(page).getByLabel('merchant_id').fill('Test-Integration-Merchant');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “EU payouts”' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Profiles' }).getByText('EU payouts')).toBeVisible();
  // With this profile selected, the operators and rules below are still the active profile's: they say whose.
  const activeRules = page.getByRole('heading', { name: /^Operators and rules of the active profile: / });
  await expect(activeRules).toHaveText('Operators and rules of the active profile: Embedded sandbox');
  await expect(page.getByText('To change another profile’s, make it active first.')).toBeVisible();

  // Edit: rename and keep the rest.
  await profileForm(page).getByLabel('Name', { exact: true }).fill('EU payouts (test)');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('region', { name: 'Profiles' }).getByText('EU payouts (test)')).toBeVisible();
  const onDisk = (
    await desk().core.handlers['profiles:list']({}, { transport: 'test', connection: 'test' })
  ).profiles.find((p) => p.name === 'EU payouts (test)');
  expect(onDisk).toMatchObject({
    environment: 'praxis-sandbox',
    merchantId: 'Test-Integration-Merchant',
  });

  await makeActive(page, 'EU payouts (test)');
  await expect(statusItem(page, 'Profile')).toContainText('EU payouts (test)', { timeout: FIRST_STORE_OPEN_MS });
  await expect(statusItem(page, 'Environment')).toContainText('Praxis sandbox');
  await expect(statusItem(page, 'Operator')).toContainText('Sandbox operator');
  await expect(activeRules).toHaveText('Operators and rules of the active profile: EU payouts (test)');
  await page.screenshot({ path: screenshotPath('02-settings') });

  // Without its merchant secret the profile can neither verify Praxis's notifications nor sign: every screen says so,
  // so an empty queue does not read as calm. Once the secret is stored, the notice goes.
  const noSecret = page.getByRole('region', { name: 'No merchant secret' });
  await expect(noSecret).toContainText('“EU payouts (test)” has no merchant secret');
  await page.keyboard.press('g');
  await page.keyboard.press('p');
  await expect(noSecret).toBeVisible();
  await page.screenshot({ path: screenshotPath('02f-no-merchant-secret') });
  await noSecret.getByRole('button', { name: 'Open Settings' }).click();
  await credentials(page).getByLabel('Set merchant secret').fill('e2e-placeholder-not-a-secret');
  await credentials(page).getByRole('button', { name: 'Save secret' }).click();
  await expect(noSecret).toHaveCount(0);
});

test('a custom environment refuses a non-https address and says what to type instead', async ({ page }) => {
  await openDesk(page, desk());
  await goToSettings(page);
  await page.getByRole('button', { name: 'New profile' }).click();
  await profileForm(page).getByLabel('Name', { exact: true }).fill('Staging gateway');
  await profileForm(page)
    .getByRole('radio', { name: /Custom URL/ })
    .check();
  await profileForm(page).getByLabel('merchant_id').fill('Test-Integration-Merchant');
  await profileForm(page).getByLabel('application_key').fill('Sandbox');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(profileForm(page).getByLabel('Custom base URL')).toHaveAccessibleDescription(
    /custom environment needs its base URL/i,
  );

  await profileForm(page).getByLabel('Custom base URL').fill('http://gw.example.com');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(profileForm(page).getByRole('alert')).toContainText('https');
  await expect(page.getByRole('region', { name: 'Profiles' }).getByText('Staging gateway')).toHaveCount(0);
});

test('the live environment paints the frame red, and switching back clears it', async ({ page }) => {
  await openDesk(page, desk());
  await goToSettings(page);
  await page.getByRole('button', { name: 'New profile' }).click();
  await profileForm(page).getByLabel('Name', { exact: true }).fill('Live EUR');
  await profileForm(page)
    .getByRole('radio', { name: /Praxis live/ })
    .check();
  await profileForm(page).getByLabel('merchant_id').fill('Example-Merchant');
  await profileForm(page).getByLabel('application_key').fill('LiveKey');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Live EUR”' })).toBeVisible();

  // Start from the embedded sandbox's queue (an earlier test may have left another profile active).
  await desk().core.handlers['profiles:activate'](
    { id: 'embedded-sandbox' },
    { transport: 'test', connection: 'test' },
  );
  await expect(statusItem(page, 'Environment')).toContainText('Embedded sandbox');
  await page.keyboard.press('g');
  await page.keyboard.press('p');
  // Rows with cells: the header row has column headers only.
  const queueRows = page
    .getByRole('table', { name: 'Payout queue' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell') });
  await expect(queueRows.first()).toBeVisible({ timeout: 30_000 });

  // Switch through the palette, as an operator would, with the sandbox's queue on screen.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('switch live');
  await page.keyboard.press('Enter');
  // The switch asks first, and says what live means; Cancel has the keyboard, so Enter alone switches nothing.
  const confirmLive = page.getByRole('alertdialog', { name: 'Switch the desk to “Live EUR”?' });
  await expect(confirmLive).toContainText('what is approved there moves real money');
  await expect(confirmLive.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirmLive.getByRole('button', { name: 'Switch to “Live EUR”' }).click();

  const liveBanner = page.getByRole('status').filter({ hasText: 'LIVE — actions here move real money' });
  await expect(liveBanner).toBeVisible({ timeout: FIRST_STORE_OPEN_MS });
  await expect(statusItem(page, 'Environment')).toContainText('LIVE');
  const red = 'rgb(200, 16, 46)';
  // The whole window is framed in red: the element that holds the LIVE banner (the frame has no role of its own).
  expect(await liveBanner.evaluate((el) => getComputedStyle(el.parentElement!).borderTopColor)).toBe(red);
  expect(await statusItem(page, 'Environment').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(red);
  // The live profile has its own work store: not one sandbox request may be offered for approval under LIVE.
  await expect(page.getByRole('heading', { name: 'No withdrawal requests are waiting' })).toBeVisible();
  await expect(queueRows).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Queue count' })).toHaveText('0 waiting');
  await page.screenshot({ path: screenshotPath('06-live-environment') });

  await page.keyboard.press('Control+k');
  await page.keyboard.type('switch embedded');
  await page.keyboard.press('Enter');
  await page
    .getByRole('alertdialog', { name: 'Switch the desk to “Embedded sandbox”?' })
    .getByRole('button', { name: 'Switch to “Embedded sandbox”' })
    .click();
  await expect(statusItem(page, 'Environment')).toContainText('Embedded sandbox');
  await expect(liveBanner).toHaveCount(0);
  // Back on the sandbox, its own queue returns.
  await expect(queueRows.first()).toBeVisible();
});

test('deleting a profile asks first; Esc cancels, confirming removes it', async ({ page }) => {
  await openDesk(page, desk());
  await goToSettings(page);
  await page.getByRole('button', { name: 'New profile' }).click();
  await profileForm(page).getByLabel('Name', { exact: true }).fill('Short-lived');
  await profileForm(page).getByLabel('merchant_id').fill('M1');
  await profileForm(page).getByLabel('application_key').fill('K1');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Short-lived”' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete profile' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete “Short-lived”?' });
  await expect(dialog).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the delete-profile confirmation');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Focus goes back to the button that opened the confirmation.
  await expect(page.getByRole('button', { name: 'Delete profile' })).toBeFocused();
  await expect(page.getByRole('region', { name: 'Profiles' }).getByText('Short-lived')).toBeVisible();

  await page.getByRole('button', { name: 'Delete profile' }).click();
  await dialog.getByRole('button', { name: 'Delete profile' }).click();
  await expect(page.getByRole('region', { name: 'Profiles' }).getByText('Short-lived')).toHaveCount(0);
});

test('a shared team store URL is refused next to its field while it holds a password; the password goes to the keychain', async ({
  page,
}) => {
  await openDesk(page, desk());
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: /Settings/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'New profile' }).click();
  await profileForm(page).getByLabel('Name', { exact: true }).fill('Team EU');
  await profileForm(page)
    .getByRole('radio', { name: /Praxis sandbox/ })
    .check();
  await profileForm(page).getByLabel('merchant_id').fill('Team-Merchant');
  await profileForm(page).getByLabel('application_key').fill('TeamKey');
  const storeUrl = profileForm(page).getByLabel('Shared team store URL (optional)');
  await storeUrl.fill('postgres://ana:hunter22@db.example.com/praxis_desk?sslmode=verify-full');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(storeUrl).toHaveAccessibleDescription(/Leave the password out of the store URL/);
  await expect(storeUrl).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: screenshotPath('02-settings-team-store-refused') });

  await storeUrl.fill('postgres://ana@db.example.com/praxis_desk');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(storeUrl).toHaveAccessibleDescription(/not on this machine.*sslmode=verify-full/);

  await storeUrl.fill('postgres://ana@db.example.com/praxis_desk?sslmode=verify-full');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Team EU”' })).toBeVisible();
  const credentials = page.getByRole('region', { name: 'Credentials' });
  await expect(credentials.getByRole('status', { name: 'Database password status' })).toContainText(
    'No database password stored',
  );
  await credentials.getByLabel('Set database password').fill('db-password-for-ana');
  await credentials.getByRole('button', { name: 'Save password' }).click();
  await expect(credentials.getByRole('status', { name: 'Database password status' })).toContainText(
    'Stored in the OS keychain',
  );
  await expect(credentials.getByLabel('Replace database password')).toHaveValue('');
  await page.screenshot({ path: screenshotPath('02-settings-team-store') });
  expect(desk().logLines.join('\n')).not.toContain('db-password-for-ana');
});

test('Test connection and Create profile keep the keyboard: after the test, or a refused profile, the focus is still on the button pressed', async ({
  page,
}) => {
  await openDesk(page, desk());
  await goToSettings(page);
  const test = page.getByRole('region', { name: 'Credentials' }).getByRole('button', { name: 'Test connection' });
  await test.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status', { name: 'Connection test result' })).toContainText('Connection OK');
  await expect(test).toBeFocused();

  await page.getByRole('button', { name: 'New profile' }).click();
  const create = page.getByRole('button', { name: 'Create profile' });
  await create.focus();
  await page.keyboard.press('Enter');
  await expect(profileForm(page).getByLabel('merchant_id')).toHaveAttribute('aria-invalid', 'true');
  await expect(create).toBeFocused();
});

test('New profile puts the focus in the new form’s Name field, so typing starts there', async ({ page }) => {
  await openDesk(page, desk());
  await goToSettings(page);
  await page.getByRole('button', { name: 'New profile' }).click();
  await expect(page.getByRole('heading', { name: 'New profile', level: 2 })).toBeVisible();
  await expect(profileForm(page).getByLabel('Name', { exact: true })).toBeFocused();
});
