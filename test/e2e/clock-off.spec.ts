import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { expectNoSeriousA11yViolations } from './support/axe';
import { deskHostForThisFile, screenshotPath } from './support/desk-host';
import { approveRow, lastAction, openQueueFor, payoutsSim, queueRow } from './support/payouts-sim';
import { simCallStats } from './support/sim-call-stats';

// No seeded book: its notifications' confirming look-ups would answer normally the moment the clock is set right and
// clear the notice before "Test connection now" is pressed (seen once in CI). Praxis hears only from this test.
const desk = deskHostForThisFile({ seededSandbox: false });
const run = randomBytes(3).toString('hex');
const sim = payoutsSim(desk);

async function setClockOffset(clockOffsetMs: number | null): Promise<void> {
  const res = await fetch(`${await sim.base()}/_sim/faults`, {
    method: clockOffsetMs === null ? 'DELETE' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(clockOffsetMs === null ? {} : { body: JSON.stringify({ clockOffsetMs }) }),
  });
  if (!res.ok) throw new Error(`Simulator refused the fault: ${await res.text()}`);
}

/** The desk's look-up confirming the new request's notification has been answered: nothing else is on its way. */
async function requestConfirmed(): Promise<void> {
  await expect
    .poll(async () => {
      const stats = await simCallStats(await sim.base());
      return (stats.served['/agent/find-transaction'] ?? 0) > 0 && stats.inFlight['/agent/find-transaction'] === 0;
    })
    .toBe(true);
}

test.afterEach(() => setClockOffset(null));

test('a clock Praxis refuses stands as a notice on every screen until Praxis answers normally again', async ({
  page,
}) => {
  const cid = `e2e-clock-${run}`;
  const tid = await sim.createRequest(cid, 'EUR', 4_200);
  await openQueueFor(page, desk(), cid);
  await expect(queueRow(page, tid)).toContainText('EUR 42.00');
  const notice = page.getByRole('region', { name: 'Clock off' });
  await expect(notice).toHaveCount(0);
  await requestConfirmed();

  // Praxis's clock 90 s behind the machine's: this desk's is 90 s ahead. Opening the approval asks Praxis for the
  // gateways, which it refuses for the time; the notice stands from then on.
  await setClockOffset(-90_000);
  await queueRow(page, tid).click();
  await page.keyboard.press('a');
  const dialog = page.getByRole('dialog', { name: 'Approve withdrawal' });
  await expect(dialog).toContainText('Your clock is off by');
  await expect(dialog.getByRole('button', { name: 'Approve and pay' })).toBeDisabled();
  await expect(notice).toContainText(/This computer's clock is (89|90|91) s ahead of Praxis's/);
  await expect(notice).toContainText('the desk sends no payout, capture or void');
  await expect(page.getByRole('group', { name: 'Praxis connection' })).toContainText('failing');
  await page.screenshot({ path: screenshotPath('95-clock-off-notice') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expectNoSeriousA11yViolations(page, 'Payouts with the clock notice');

  // It stands on the other screens too, and after a reload of the page.
  await page.getByRole('button', { name: /^Captures/ }).click();
  await expect(notice).toBeVisible();
  await page.reload();
  await expect(notice).toContainText('ahead of Praxis');
  expect((await sim.record(tid)).payoutsMade).toBe(0);

  // The clock is set right: testing from the notice clears it, and the request can be paid.
  await setClockOffset(null);
  await notice.getByRole('button', { name: 'Test connection now' }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Praxis connection' })).toContainText('OK');
  await openQueueFor(page, desk(), cid);
  await approveRow(page, tid);
  await expect(lastAction(page)).toContainText('Money moved.');
  expect((await sim.record(tid)).payoutsMade).toBe(1);
});
