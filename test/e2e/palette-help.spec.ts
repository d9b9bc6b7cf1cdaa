import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { deskHostForThisFile, openDesk, screenshotPath } from './support/desk-host';

// A new user's first try at the palette rarely names a command exactly: the palette says what it can do and offers
// the nearest commands instead of a bare "No command matches".
const desk = deskHostForThisFile();

const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' });

test('a typo in the palette offers the nearest commands, says what it can do, and Enter runs the first', async ({
  page,
}) => {
  await openDesk(page, desk());
  await page.keyboard.press('g');
  await page.keyboard.press('l');
  await expect(page.getByRole('heading', { name: 'Lookup', level: 1 })).toBeVisible();

  await page.keyboard.press('Control+k');
  await page.keyboard.type('paymnts');
  const said = palette(page).getByRole('status');
  await expect(said).toContainText('No command matches “paymnts”.');
  await expect(said).toContainText('go to a screen');
  // "Payments" may mean a payout or a deposit taken by phone: both are offered, the closer spelling first.
  await expect(palette(page).getByRole('listbox', { name: 'Did you mean' }).getByRole('option')).toHaveText([
    'Go to Payouts',
    'Go to Virtual terminal',
  ]);
  await expect(palette(page).getByRole('option', { selected: true })).toHaveText('Go to Payouts');
  await page.screenshot({ path: screenshotPath('05b-palette-typo-suggests') });
  await expectNoSeriousA11yViolations(page, 'the palette offering the nearest commands');
  await page.keyboard.press('Enter');
  await expect(palette(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Payouts', level: 1 })).toBeVisible();
});

test('text like no command says what the palette can do and what to type; Esc still closes it', async ({ page }) => {
  await openDesk(page, desk());
  await page.keyboard.press('Control+k');
  await page.keyboard.type('qqzx');
  const said = palette(page).getByRole('status');
  await expect(said).toContainText('No command matches “qqzx”.');
  // The sandbox operator has every role: each kind of command is named (one profile: none to switch to), and an
  // example of what to type.
  await expect(said).toContainText(
    'The palette can go to a screen (Payouts, Captures, Virtual terminal, Lookup, Audit, Settings) or test the connection.',
  );
  await expect(said).toContainText('Type part of a name, e.g. “pay” for Go to Payouts.');
  await expect(palette(page).getByRole('option')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('05c-palette-no-match-help') });
  await expectNoSeriousA11yViolations(page, 'the palette with nothing to offer');
  await page.keyboard.press('Escape');
  await expect(palette(page)).toHaveCount(0);
});

test('the words people use for a screen find it: holds, withdrawals', async ({ page }) => {
  await openDesk(page, desk());
  await page.keyboard.press('Control+k');
  await page.keyboard.type('holds');
  await expect(palette(page).getByRole('option')).toHaveText(['Go to Captures']);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Captures', level: 1 })).toBeVisible();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('withdrawals');
  await expect(palette(page).getByRole('option')).toHaveText(['Go to Payouts']);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Payouts', level: 1 })).toBeVisible();
});

test('opened with the mouse resting where its list appears, the palette still starts on its first command', async ({
  page,
}) => {
  await openDesk(page, desk());
  // The pointer rests in the middle of the window, where the palette's list will be drawn under it.
  await page.mouse.move(720, 300);
  await page.keyboard.press('Control+k');
  const list = palette(page).getByRole('listbox', { name: 'Commands' });
  await expect(list.getByRole('option').first()).toBeVisible();
  const first = await list.getByRole('option').first().textContent();
  // Chromium tells a page the pointer "entered" what was drawn under it a moment after drawing: wait that moment out.
  await page.waitForTimeout(300);
  await expect(list.getByRole('option', { selected: true })).toHaveText(first!);
  // Moving the mouse is choosing with it.
  const third = list.getByRole('option').nth(2);
  await third.hover();
  await expect(third).toHaveAttribute('aria-selected', 'true');
});
