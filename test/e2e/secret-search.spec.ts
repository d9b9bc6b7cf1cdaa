import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { CUSTOMER_SYNC_PATH, NOTIFICATION_PATH } from '../../src/core/intake/intake-server';
import { startSimulator, type Simulator } from '../../src/core/sandbox';
import { filesUnder } from '../support/files';
import { filesAsText, leakNeedles, searchForLeaks, secretNeedles } from '../support/leak-search';
import { startRecordingProxy } from '../support/recording-proxy';
import { summaryTable } from '../support/summary-table';
import { exportAuditCsv, openAudit } from './support/audit-page';
import { capturesSimAt, holdRow, openCapturesFor } from './support/captures-sim';
import {
  FIRST_STORE_OPEN_MS,
  deskHostForThisFile,
  openDesk,
  recordSocketFrames,
  screenshotPath,
  statusItem,
} from './support/desk-host';
import { approveRow, lastAction, openQueueFor, payoutsSimAt } from './support/payouts-sim';
import { connectionResult, createProfile, credentials, makeActive, secretStatus } from './support/settings-page';
import { fillCaller, openPage, openTerminal, outcome, payWith, TEST_CARDS } from './support/terminal-page';

// Issue 16 through the browser: an operator sets the secret, acts on a payout and a hold and takes a card payment;
// then the secret and the card are searched for everywhere the desk wrote or sent anything.
const run = randomBytes(3).toString('hex');
/** This merchant's own secret (not the sandbox's public sample), new each run so a hit can only come from this run. */
const SECRET = `e2e-secret-search-${randomBytes(8).toString('hex')}`;
const CARD = TEST_CARDS.approve;
const MERCHANT = { merchantId: 'E2E-Secret-Search-Merchant', applicationKey: 'E2eSecretSearch' };
const PROFILE = 'Secret search merchant';
const summary = summaryTable('Whole-run secret search through the browser host (issue 16)');

const desk = deskHostForThisFile();
let praxis: Simulator;
let toPraxis: Awaited<ReturnType<typeof startRecordingProxy>>;
let toDesk: Awaited<ReturnType<typeof startRecordingProxy>>;
const payouts = payoutsSimAt(async () => praxis.url);
const holds = capturesSimAt(async () => praxis.url);

test.beforeAll(async () => {
  praxis = await startSimulator({
    port: 0,
    seed: false,
    arrivalIntervalMs: null,
    credentials: { ...MERCHANT, secret: SECRET },
  });
  // The hosted card page is Chromium's own traffic to the same address: recorded apart, since the card belongs there.
  toPraxis = await startRecordingProxy(praxis.url, { apart: (path) => path.startsWith('/hpp/') });
  praxis.setPublicUrl(toPraxis.url);
  const intake = new URL((await desk().core.info()).intakeUrl!);
  toDesk = await startRecordingProxy(intake.origin);
  praxis.setNotificationUrl(`${toDesk.url}${NOTIFICATION_PATH}`);
  praxis.setCustomerSyncUrl(`${toDesk.url}${CUSTOMER_SYNC_PATH}`);
});
test.afterAll(async () => {
  summary.print();
  await toPraxis?.close();
  await toDesk?.close();
  await praxis?.stop();
});

test('the merchant secret and a card number are nowhere after a run driven through the browser', async ({ page }) => {
  test.setTimeout(FIRST_STORE_OPEN_MS + 120_000);
  const frames = recordSocketFrames(page);

  // Credentials: a Custom URL profile at this merchant's Praxis, its secret typed into the write-only field.
  await openDesk(page, desk());
  await createProfile(page, PROFILE, toPraxis.url, {
    merchant: MERCHANT,
    notificationUrl: `${toDesk.url}${NOTIFICATION_PATH}`,
  });
  await credentials(page).getByLabel('Set merchant secret').fill(SECRET);
  await credentials(page).getByRole('button', { name: 'Save secret' }).click();
  await expect(secretStatus(page)).toContainText(/Stored in the OS keychain|Kept for this run only/);
  await expect(credentials(page).getByLabel('Replace merchant secret')).toHaveValue('');
  await credentials(page).getByRole('button', { name: 'Test connection' }).click();
  await expect(connectionResult(page)).toContainText(/Connection OK — \d+ ms/);
  await page.screenshot({ path: screenshotPath('90-secret-search-credentials') });
  await makeActive(page, PROFILE);
  await expect(statusItem(page, 'Profile')).toContainText(PROFILE, { timeout: FIRST_STORE_OPEN_MS });
  // The browser host fixes the page's frame-src (the Praxis that may frame the card page) when the page loads.
  await page.reload();
  await expect(statusItem(page, 'Profile')).toContainText(PROFILE);

  // A payout approved and a hold captured, both made by this test at this merchant's Praxis.
  const payoutCid = `e2e-ss-payout-${run}`;
  const payout = await payouts.createRequest(payoutCid, 'EUR', 12_550);
  await openQueueFor(page, desk(), payoutCid);
  await approveRow(page, payout);
  await expect(lastAction(page)).toContainText('Money moved.');
  // Praxis paid: the desk signed with the secret and Praxis, knowing only that secret, accepted it.
  expect((await payouts.record(payout)).payoutsMade).toBe(1);

  const holdCid = `e2e-ss-hold-${run}`;
  const hold = await holds.authorize(holdCid, 'EUR', 4_200);
  await openCapturesFor(page, desk(), holdCid);
  await holdRow(page, hold).click();
  await page.keyboard.press('c');
  await page
    .getByRole('dialog', { name: 'Capture authorization' })
    .getByRole('button', { name: 'Capture EUR 42.00' })
    .click();
  await expect(lastAction(page)).toContainText('Money moved.');
  expect((await holds.record(hold)).capturesMade).toBe(1);

  // A terminal session: the caller's card is typed on Praxis's hosted page, framed in the desk.
  await openTerminal(page, desk());
  await fillCaller(page, { cid: `e2e-ss-vt-${run}`, amount: '25.50' });
  await payWith(await openPage(page), CARD);
  await expect(outcome(page)).toContainText('approved');

  // The audit log, exported as the operator would.
  await openAudit(page);
  const csv = await exportAuditCsv(page);
  expect(csv).toContain(`payouts:approve,${payout},EUR 125.50`);
  expect(csv).toContain(`captures:capture,${hold},EUR 42.00`);

  const pageLeftovers = [
    await page.content(),
    await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } })),
  ];
  await page.close();
  // Closed, so the work store's files are complete on disk (the host's afterAll closes it again harmlessly).
  await desk().core.close();

  // The secret leaves the page once, in the command that stores it; every other frame is searched.
  const carrying = frames.sent.filter((f) => f.includes(SECRET));
  expect(carrying.map((f) => (JSON.parse(f) as { channel: string }).channel)).toEqual(['credentials:set']);
  const otherSent = frames.sent.filter((f) => !carrying.includes(f));

  const hits = [
    ...searchForLeaks(
      [
        // Bytes as written: PGlite's pages, profiles, anything else under the data folder.
        ['data folder files', await filesAsText(desk().dataDir)],
        ['desk log lines', desk().logLines],
        ['audit log (CSV export)', [csv]],
        ['desk → page (WebSocket frames)', frames.received],
        ['page → desk (WebSocket frames, but the one setting the secret)', otherSent],
        ['page after the run (HTML, storage)', pageLeftovers],
        ['desk ↔ Praxis (HTTP)', toPraxis.traffic],
        ['Praxis → desk (notifications, validation, customer sync)', toDesk.traffic],
      ],
      leakNeedles(SECRET, CARD),
      summary,
    ),
    // The card is typed there, so only the secret is looked for.
    ...searchForLeaks([['browser ↔ hosted card page (HTTP)', toPraxis.apart]], secretNeedles(SECRET), summary),
  ];

  // The corpus is real: something was written, logged, framed and sent, and the recorders heard the card where it went.
  expect((await filesUnder(desk().dataDir)).length).toBeGreaterThan(0);
  expect(desk().logLines.length).toBeGreaterThan(0);
  expect(frames.received.length).toBeGreaterThan(0);
  expect(otherSent.length).toBeGreaterThan(0);
  expect(toPraxis.traffic.length).toBeGreaterThan(0);
  expect(toDesk.traffic.length).toBeGreaterThan(0);
  expect(toPraxis.apart.some((t) => t.includes(CARD))).toBe(true);
  expect(toDesk.traffic.some((t) => t.includes(`${CARD.slice(0, 6)}******${CARD.slice(-4)}`))).toBe(true);
  expect(hits).toEqual([]);
});
