import { randomBytes } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { dispatch } from '../../src/core/commands/dispatch';
import { createMemoryLogger } from '../../src/core/log';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from '../support/postgres';
import {
  deskHostForThisFile,
  FIRST_STORE_OPEN_MS,
  screenshotPath,
  statusItem,
  type DeskHostHandle,
} from './support/desk-host';
import { approveRow, lastAction, openQueueFor, payoutsSim, queueRow } from './support/payouts-sim';

// A team: two browser-host desks on one PostgreSQL store and one Praxis (desk B talks to desk A's simulator).
// Ann (manager) works at desk A, Bo (back-office) at desk B.
const skip = postgresUnavailableReason();
test.skip(skip !== null, skip ?? '');

let server: TestPostgres | null = null;
let storeUrl = '';
test.beforeAll(async () => {
  test.setTimeout(FIRST_STORE_OPEN_MS * 2);
  server = await startPostgres();
  storeUrl = await server.createDatabase('team_e2e');
});
const store = () => ({ kind: 'postgres' as const, url: storeUrl });
const deskA = deskHostForThisFile({ store });
const deskB = deskHostForThisFile({
  store,
  sharedSandboxUrl: async () => (await deskA().core.info()).simulatorUrl!,
});
test.afterAll(async () => server?.stop());

const PINS = { Ann: '91827', Bo: '48213' } as const;
const run = randomBytes(3).toString('hex');
const sim = payoutsSim(deskA);

test.beforeAll(async () => {
  // The people, added once through desk A's command table; operators live in the shared store, so desk B knows them.
  const log = createMemoryLogger();
  for (const [name, role] of [
    ['Bo', 'backoffice'],
    ['Ann', 'manager'],
  ] as const) {
    const r = await dispatch(
      deskA().core.handlers,
      'operators:add',
      { name, pin: PINS[name], role },
      { transport: 'test', connection: 'team-setup' },
      log,
    );
    if (!r.ok) throw new Error(`operators:add ${name}: ${r.error.message}`);
  }
});

/** A browser of its own for one person at one desk, signed in and looking at the payouts of `cid`. */
async function personAt(browser: Browser, desk: DeskHostHandle, who: keyof typeof PINS, cid: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await page.goto(desk.host.url);
  const form = page.getByRole('region', { name: 'Sign in to Praxis Desk' });
  await form.getByLabel('Operator name').fill(who);
  await form.getByLabel('PIN').fill(PINS[who]);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(statusItem(page, 'Operator')).toContainText(who);
  await openQueueFor(page, desk, cid);
  return page;
}

async function simFaults(body: { latencyMs: number } | null) {
  const base = await sim.base();
  await fetch(`${base}/_sim/faults`, {
    method: body ? 'POST' : 'DELETE',
    headers: { 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
}

test.describe.configure({ mode: 'serial' });

test('Ann approves at desk A; at desk B the request leaves Bo’s queue live, without a reload', async ({ browser }) => {
  const cid = `e2e-team-a-${run}`;
  const tid = await sim.createRequest(cid, 'EUR', 4_200);
  const ann = await personAt(browser, deskA(), 'Ann', cid);
  const bo = await personAt(browser, deskB(), 'Bo', cid);
  await expect(queueRow(ann, tid)).toBeVisible();
  await expect(queueRow(bo, tid)).toBeVisible();

  await approveRow(ann, tid);
  await expect(lastAction(ann)).toContainText('Money moved.');

  await expect(queueRow(bo, tid)).toHaveCount(0);
  expect((await sim.record(tid)).payoutsMade).toBe(1);
  await ann.context().close();
  await bo.context().close();
});

test('a request Ann is approving shows "In progress by Ann" at desk B, its Approve off with that reason', async ({
  browser,
}) => {
  const cid = `e2e-team-b-${run}`;
  const tid = await sim.createRequest(cid, 'EUR', 7_300);
  const ann = await personAt(browser, deskA(), 'Ann', cid);
  const bo = await personAt(browser, deskB(), 'Bo', cid);
  await expect(queueRow(bo, tid)).toBeVisible();
  // Bo opens the request; its buttons are live until someone else starts on it.
  await queueRow(bo, tid).dblclick();
  const boApprove = bo.getByRole('button', { name: /^Approve/ });
  await expect(boApprove).toBeEnabled();

  await queueRow(ann, tid).click();
  await ann.keyboard.press('a');
  const approve = ann.getByRole('dialog', { name: 'Approve withdrawal' });
  await expect(approve.getByRole('button', { name: 'Approve and pay' })).toBeEnabled();
  // Praxis answers slowly from here on, so Ann's approve stays in flight while Bo looks.
  await simFaults({ latencyMs: 12_000 });
  try {
    await approve.getByRole('button', { name: 'Approve and pay' }).click();

    const row = queueRow(bo, tid);
    await expect(row).toContainText('In progress by Ann');
    await expect(row).toHaveAccessibleDescription('In progress by Ann');
    await expect(boApprove).toBeDisabled();
    await expect(boApprove).toHaveAccessibleDescription(/^In progress by Ann/);
    await bo.screenshot({ path: screenshotPath('70-team-desk-b-sees-claim') });
    await row.screenshot({ path: screenshotPath('70b-team-desk-b-claimed-row') });
    await ann.screenshot({ path: screenshotPath('71-team-desk-a-approving') });

    // A bulk approve at desk B leaves it out, and says why.
    await bo.getByRole('checkbox', { name: `Select ${tid}` }).check();
    await bo.keyboard.press('Shift+A');
    const bulk = bo.getByRole('dialog', { name: 'Bulk approve' });
    await expect(bulk.getByRole('list', { name: 'Skipped requests' })).toHaveText(`${tid} — In progress by Ann`);
    // Nothing to send: no empty list of requests to approve, and the button says why it is off.
    await expect(bulk.getByRole('table', { name: 'Selected requests' })).toHaveCount(0);
    await expect(bulk.getByRole('button', { name: 'Approve 0' })).toBeDisabled();
    await expect(bulk.getByRole('button', { name: 'Approve 0' })).toHaveAccessibleDescription(
      'Nothing selected can be sent.',
    );
    await bo.screenshot({ path: screenshotPath('72-team-desk-b-bulk-skips-claim') });
    await bulk.getByRole('button', { name: 'Cancel' }).click();

    await expect(lastAction(ann)).toContainText('Money moved.', { timeout: 25_000 });
  } finally {
    await simFaults(null);
  }
  await expect(queueRow(bo, tid)).toHaveCount(0);
  expect((await sim.record(tid)).payoutsMade).toBe(1);
  await ann.context().close();
  await bo.context().close();
});
