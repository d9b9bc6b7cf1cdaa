import { expect, test, type Page } from '@playwright/test';
import { deskHostForThisFile, openDesk, statusItem } from './support/desk-host';
import { queue } from './support/payouts-sim';

// A keyboard user signing in (or unlocking) lands on the screen that opens, not on the page body.
const desk = deskHostForThisFile();

const PIN = '73519';

const screenRegion = (page: Page) => page.getByRole('main');

/** The focus is on a control inside the screen (not on the screen itself, the navigation or the body). */
const focusInsideScreen = (page: Page) =>
  screenRegion(page).evaluate((main) => main !== document.activeElement && main.contains(document.activeElement));

test.describe.configure({ mode: 'serial' });

test('after signing in with the keyboard, the keyboard is on the screen that opened: Tab, J, G keys and Ctrl+K work from there', async ({
  page,
}) => {
  await openDesk(page, desk());
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  const operators = page.getByRole('region', { name: 'Operators' });
  await operators.getByLabel('Operator name').fill('Kim');
  await operators.getByLabel('Operator PIN').fill(PIN);
  await operators.getByLabel('Operator role').selectOption('manager');
  await operators.getByRole('button', { name: 'Add operator' }).click();

  // The first manager turns sign-in on: the whole window asks for a name and PIN, the name field ready.
  const signIn = page.getByRole('region', { name: 'Sign in to Praxis Desk' });
  await expect(signIn.getByLabel('Operator name')).toBeFocused();
  await page.keyboard.type('Kim');
  await page.keyboard.press('Tab');
  await page.keyboard.type(PIN);
  await page.keyboard.press('Enter');
  await expect(statusItem(page, 'Operator')).toContainText('Kim (Manager)');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(screenRegion(page), 'the screen that opened has the keyboard, not the page body').toBeFocused();

  // Tab goes on into the screen's own controls, not back through the navigation.
  await page.keyboard.press('Tab');
  expect(await focusInsideScreen(page)).toBe(true);

  // G P from there: the queue opens with the keyboard on it, and J moves its cursor.
  await page.keyboard.press('g');
  await page.keyboard.press('p');
  await expect(page.getByRole('heading', { name: 'Payouts', level: 1 })).toBeVisible();
  await expect(screenRegion(page)).toBeFocused();
  await expect(queue(page).getByRole('row', { selected: true })).toHaveCount(0);
  await page.keyboard.press('j');
  await expect(queue(page).getByRole('row', { selected: true })).toHaveCount(1);

  // Ctrl+K and Esc: the palette opens and closes, and the keyboard is back on the screen.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette.getByRole('combobox', { name: 'Command' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(palette).toHaveCount(0);
  await expect(screenRegion(page)).toBeFocused();
});

test('unlocking with the PIN gives the keyboard back to the control it was on when the desk locked', async ({
  page,
}) => {
  await page.clock.install();
  await page.goto(desk().host.url);
  const signIn = page.getByRole('region', { name: 'Sign in to Praxis Desk' });
  await signIn.getByLabel('Operator name').fill('Kim');
  await signIn.getByLabel('PIN').fill(PIN);
  await signIn.getByLabel('PIN').press('Enter');
  await expect(statusItem(page, 'Operator')).toContainText('Kim (Manager)');
  await page.keyboard.press('g');
  await page.keyboard.press('p');
  await expect(page.getByRole('heading', { name: 'Payouts', level: 1 })).toBeVisible();
  const saveView = page.getByRole('button', { name: 'Save view…' });
  await saveView.focus();

  await page.clock.runFor('10:01');
  const lock = page.getByRole('dialog', { name: 'The desk is locked' });
  await expect(lock.getByLabel('PIN')).toBeFocused();
  await page.keyboard.type(PIN);
  await page.keyboard.press('Enter');
  await expect(lock).toHaveCount(0);
  await expect(saveView).toBeFocused();

  // Signed out and in again, the screen the person was on has the keyboard again.
  await statusItem(page, 'Operator').getByRole('button', { name: 'Sign out' }).click();
  await signIn.getByLabel('Operator name').fill('Kim');
  await signIn.getByLabel('PIN').fill(PIN);
  await signIn.getByLabel('PIN').press('Enter');
  await expect(page.getByRole('heading', { name: 'Payouts', level: 1 })).toBeVisible();
  await expect(screenRegion(page)).toBeFocused();
});
