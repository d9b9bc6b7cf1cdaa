import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { deskHostForThisFile, openDesk, screenshotPath } from './support/desk-host';
import { lastAction, openQueueFor, openRejectByKeys, payoutsSim } from './support/payouts-sim';
import { openSettings } from './support/settings-page';

// A manager marks which reasons need a note (Settings › Payouts); the reject dialog then holds that reason until one
// is written. Its own desk: the reason list it saves is this file's alone.
const desk = deskHostForThisFile();
const run = randomBytes(3).toString('hex');

test('a reason the manager marks as needing a note is not sent without one', async ({ page }) => {
  const sim = payoutsSim(desk);
  await openDesk(page, desk());
  await openSettings(page);
  const panel = page.getByRole('region', { name: 'Payout settings' });
  // Reason 2 is "Bonus or promotion abuse"; "Other (see note)" comes marked.
  await expect(panel.getByRole('checkbox', { name: 'Reason 6 needs a note' })).toBeChecked();
  await panel.getByRole('checkbox', { name: 'Reason 2 needs a note' }).check();
  await panel.getByRole('button', { name: 'Save payout settings' }).click();
  await expect(panel.getByRole('status')).toHaveText('Payout settings saved.');
  // Said where the eye is, beside Save at the foot of a long form, not in the panel's head scrolled out of view.
  await expect(panel.getByRole('status')).toBeInViewport();
  await page.screenshot({ path: screenshotPath('37-reasons-need-a-note') });

  const cid = `e2e-marked-${run}`;
  const tid = await sim.createRequest(cid, 'EUR', 2_300);
  await openQueueFor(page, desk(), cid);
  const dialog = await openRejectByKeys(page, tid, '2');
  await expect(dialog.getByRole('radio', { name: /Bonus or promotion abuse/ })).toBeChecked();
  const send = dialog.getByRole('button', { name: 'Reject request' });
  await expect(send).toBeDisabled();
  await expect(send).toHaveAccessibleDescription(/needs a note saying why/);
  const note = dialog.getByLabel(/Note \(needed for this reason/);
  // Ctrl+Enter from the note sends only what the button would: nothing while the note is empty.
  await note.press('Control+Enter');
  await expect(dialog).toBeVisible();
  expect((await sim.record(tid)).cancelsMade).toBe(0);
  // Typed, the note is sent from the keyboard without leaving it (Enter there is a new line).
  await note.fill('Three accounts on one device, ticket 5512');
  await page.screenshot({ path: screenshotPath('37b-reject-note-sends-with-ctrl-enter') });
  await note.press('Control+Enter');
  await expect(lastAction(page)).toContainText('No money moved.');
  expect((await sim.record(tid)).cancelsMade).toBe(1);
});
