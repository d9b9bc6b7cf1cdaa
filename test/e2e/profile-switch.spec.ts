import { expect, test, type Browser, type Page } from '@playwright/test';
import { dispatch } from '../../src/core/commands/dispatch';
import { createMemoryLogger } from '../../src/core/log';
import type { Channel } from '../../src/shared/ipc/contract';
import type { Profile } from '../../src/shared/domain';
import { expectNoSeriousA11yViolations } from './support/axe';
import { FIRST_STORE_OPEN_MS, deskHostForThisFile, screenshotPath, statusItem } from './support/desk-host';
import { openSettings, profileForm } from './support/settings-page';

// A profile switch moves every window of the desk to another store and its operators: the manager is told so before,
// and each person it signed out is told why, at once, in their own window.
const desk = deskHostForThisFile({ seededSandbox: false });

const PINS = { Mia: '91827', Al: '55123' } as const;
const HOME = 'Embedded sandbox';
const OTHER = 'UK payouts';

/** A command from a setup window of its own (signed in there as needed), as another window of the desk sends it. */
async function asSetup<T>(channel: Channel, input: unknown): Promise<T> {
  const ctx = { transport: 'test' as const, connection: 'profile-switch-setup' };
  const r = await dispatch(desk().core.handlers, channel, input, ctx, createMemoryLogger());
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.data as T;
}

test.beforeAll(async () => {
  test.setTimeout(2 * FIRST_STORE_OPEN_MS);
  // The home profile: an agent and a manager. The other profile: the manager alone (carried there by her switch).
  await asSetup('operators:add', { name: 'Al', pin: PINS.Al, role: 'agent' });
  await asSetup('operators:add', { name: 'Mia', pin: PINS.Mia, role: 'manager' });
  await asSetup('session:sign-in', { operator: 'Mia', pin: PINS.Mia });
  const other = await asSetup<Profile>('profiles:save', {
    name: OTHER,
    environment: 'embedded-sandbox',
    merchantId: 'Test-Integration-Merchant',
    applicationKey: 'Sandbox',
  });
  await asSetup('profiles:activate', { id: other.id });
  await asSetup('session:sign-in', { operator: 'Mia', pin: PINS.Mia });
  await asSetup('profiles:activate', { id: 'embedded-sandbox' });
});

async function signedIn(browser: Browser, who: keyof typeof PINS): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto(desk().host.url);
  const form = page.getByRole('region', { name: 'Sign in to Praxis Desk' });
  await form.getByLabel('Operator name').fill(who);
  await form.getByLabel('PIN').fill(PINS[who]);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(statusItem(page, 'Operator')).toContainText(who);
  return page;
}

test('Make active asks first and says what it does; everyone it signs out is told why, in their own window', async ({
  browser,
}) => {
  test.setTimeout(2 * FIRST_STORE_OPEN_MS);
  const mia = await signedIn(browser, 'Mia');
  const al = await signedIn(browser, 'Al');
  await expect(statusItem(al, 'Profile')).toContainText(HOME);

  await openSettings(mia);
  await mia.getByRole('region', { name: 'Profiles' }).getByText(OTHER).click();
  const makeActive = profileForm(mia).getByRole('button', { name: 'Make active' });
  await makeActive.click();
  const dialog = mia.getByRole('alertdialog', { name: `Switch the desk to “${OTHER}”?` });
  await expect(dialog).toContainText('Everyone signed in now, you too, is signed out');
  await mia.screenshot({ path: screenshotPath('02e-switch-profile-confirm') });
  await expectNoSeriousA11yViolations(mia, 'the profile switch confirmation');

  // Esc leaves everything as it was, the keyboard back on Make active.
  await mia.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(makeActive).toBeFocused();
  await expect(statusItem(al, 'Operator')).toContainText('Al');

  await makeActive.click();
  await dialog.getByRole('button', { name: `Switch to “${OTHER}”` }).click();

  // Al did nothing: his window turns to the sign-in by itself and says what happened and what to do.
  const why = `The desk moved from profile “${HOME}” to “${OTHER}” (Mia switched it)`;
  const alSignIn = al.getByRole('region', { name: 'Sign in to Praxis Desk' });
  await expect(alSignIn.getByRole('status')).toContainText(why, { timeout: FIRST_STORE_OPEN_MS });
  await expect(alSignIn.getByRole('status')).toContainText(`Sign in with your operator name and PIN for “${OTHER}”`);
  await al.screenshot({ path: screenshotPath('50b-signed-out-by-profile-switch') });
  const miaSignIn = mia.getByRole('region', { name: 'Sign in to Praxis Desk' });
  await expect(miaSignIn.getByRole('status')).toContainText(why);

  // She signs in there (the other profile's manager too); the reason goes with the sign-in.
  await miaSignIn.getByLabel('Operator name').fill('Mia');
  await miaSignIn.getByLabel('PIN').fill(PINS.Mia);
  await miaSignIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(statusItem(mia, 'Operator')).toContainText('Mia');
  await expect(statusItem(mia, 'Profile')).toContainText(OTHER);

  // From the palette too the switch asks first. Back home, nobody's old sign-in comes back without a PIN.
  await mia.keyboard.press('Control+k');
  await mia.getByRole('combobox', { name: 'Command' }).fill(`switch ${HOME}`);
  await mia.keyboard.press('Enter');
  await mia
    .getByRole('alertdialog', { name: `Switch the desk to “${HOME}”?` })
    .getByRole('button', { name: `Switch to “${HOME}”` })
    .click();
  await expect(miaSignIn.getByRole('status')).toContainText(
    `The desk moved from profile “${OTHER}” to “${HOME}” (Mia switched it)`,
    { timeout: FIRST_STORE_OPEN_MS },
  );
  await expect(alSignIn).toBeVisible();
  await expect(statusItem(al, 'Operator')).toHaveCount(0);
});

test('an operator removed while signed in sees the sign-in at once, saying they were removed', async ({ browser }) => {
  await asSetup('session:sign-in', { operator: 'Mia', pin: PINS.Mia });
  await asSetup('operators:add', { name: 'Bo', pin: '48213', role: 'backoffice' });
  // Removing a person weakens four-eyes: a second manager confirms it.
  await asSetup('operators:add', { name: 'Ned', pin: '66123', role: 'manager' });
  const page = await (await browser.newContext()).newPage();
  await page.goto(desk().host.url);
  const form = page.getByRole('region', { name: 'Sign in to Praxis Desk' });
  await form.getByLabel('Operator name').fill('Bo');
  await form.getByLabel('PIN').fill('48213');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(statusItem(page, 'Operator')).toContainText('Bo');

  await asSetup('operators:remove', { name: 'Bo', secondManager: { operator: 'Ned', pin: '66123' } });
  await expect(form.getByRole('status')).toContainText('The operator “Bo” was removed by a manager');
});
