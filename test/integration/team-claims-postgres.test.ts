import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayOption, PayoutPage, PayoutRow } from '../../src/shared/payouts';
import type { ActionOutcome } from '../../src/shared/actions';
import { openStore } from '../../src/core/store/work-store';
import { endClaimSessions } from '../support/claim-sessions';
import { startDeskCoreForTest, type DeskWindow } from '../support/desk-core-rig';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from '../support/postgres';

// A team: two whole desk cores (each with its own simulator and intake) on one real PostgreSQL server. Ann acts at
// desk A while Bo watches desk B's queue through its change feed.
const skip = postgresUnavailableReason();
let server: TestPostgres;
let url: string;
let deskA: Awaited<ReturnType<typeof startDeskCoreForTest>>;
let deskB: Awaited<ReturnType<typeof startDeskCoreForTest>>;
let ann: DeskWindow;
let bo: DeskWindow;

/** Desk A's simulator: every signed call waits `latencyMs` first, so an approve stays in flight. */
async function holdSends(latencyMs: number) {
  const sim = (await deskA.core.info()).simulatorUrl!;
  if (latencyMs === 0) await fetch(`${sim}/_sim/faults`, { method: 'DELETE' });
  else
    await fetch(`${sim}/_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs }),
    });
}

/** What desk B read of the item each time its change feed named it, in the order of the reads. */
function watchAtDeskB(tid: number) {
  const seen: PayoutRow[] = [];
  let latest: { n: number; row: PayoutRow | null } = { n: 0, row: null };
  let reads = 0;
  deskB.core.events.on('event:queue-changed', (c) => {
    if (c.queue !== 'payouts' || !c.ids.includes(String(tid))) return;
    const n = ++reads;
    void bo
      .call<PayoutRow[]>('payouts:rows', { tids: [tid] })
      .then(([row]) => {
        if (row) seen.push(row);
        if (n > latest.n) latest = { n, row: row ?? null };
      })
      // A change announced while the desks close (after the test) is not read: the store is gone by then.
      .catch(() => undefined);
  });
  return { seen, latest: () => latest.row };
}

/** Ann's approve, started (its gateway asked first, before any latency): the outcome comes when the simulator answers. */
async function startApprove(
  tid: number,
  latencyMs: number,
): Promise<{ outcome: Promise<ActionOutcome>; gateway: string }> {
  const gateway = (await ann.call<GatewayOption[]>('payouts:gateways', { tid }))[0]!.id;
  await holdSends(latencyMs);
  return { outcome: ann.call<ActionOutcome>('payouts:approve', { tid, gateway }), gateway };
}

describe.skipIf(skip !== null)('claims between two desks on a shared PostgreSQL store', () => {
  beforeAll(async () => {
    server = await startPostgres();
    url = await server.createDatabase(`team_claims_${process.pid}`);
    const store = () => ({ kind: 'postgres' as const, url });
    deskA = await startDeskCoreForTest('team-a', { store });
    // One Praxis for the team: desk B talks to desk A's simulator.
    deskB = await startDeskCoreForTest('team-b', { store, sharedSandboxUrl: (await deskA.core.info()).simulatorUrl! });
    ann = deskA.at('window-ann');
    bo = deskB.at('window-bo');
    // Operators live in the shared store: added at one desk, they sign in at any.
    await ann.call('operators:add', { name: 'Bo', pin: '48213', role: 'backoffice' });
    await ann.call('operators:add', { name: 'Ann', pin: '91827', role: 'manager' });
    await ann.call('session:sign-in', { operator: 'Ann', pin: '91827' });
    await bo.call('session:sign-in', { operator: 'Bo', pin: '48213' });
  }, 120_000);
  afterAll(async () => {
    if (process.env.DEBUG_TEAM) console.log(deskA.log.lines.join('\n'), '\n---B---\n', deskB.log.lines.join('\n'));
    await deskB?.close();
    await deskA?.close();
    await server?.stop();
  });

  it("desk B sees Ann's claim live while her approve waits for Praxis, and it is gone once she is done", async () => {
    const { tid } = await deskA.request(ann, 'claims-1', 'EUR', 4_200);
    const seenAtB = watchAtDeskB(tid);
    const approving = await startApprove(tid, 3_000);

    await expect
      .poll(() => seenAtB.seen.find((r) => r.claimedBy !== null)?.claimedBy ?? null, { timeout: 5_000 })
      .toBe('Ann');
    expect(seenAtB.seen.find((r) => r.claimedBy)).toMatchObject({ journalState: 'sending', claimedBy: 'Ann' });
    // Bo cannot act on it meanwhile: the refusal names who holds it, and nothing is sent twice.
    const refused = await bo.raw('payouts:approve', { tid, gateway: approving.gateway });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!refused.ok && refused.error.message).toMatch(/^In progress by Ann/);

    expect((await approving.outcome).state).toBe('done');
    await holdSends(0);
    // The feed's last word on it: the request left B's queue, with no claim left anywhere.
    await expect.poll(() => seenAtB.latest()?.claimedBy ?? 'left the queue', { timeout: 5_000 }).toBe('left the queue');
    expect((await bo.call<PayoutPage>('payouts:list')).rows.map((r) => r.tid)).not.toContain(tid);
    expect(await deskA.payoutsMade(tid)).toBe(1);
  });

  it('a desk whose claims session is terminated mid-action leaves no claim: the other desk sees it needs reconciling', async () => {
    const { tid } = await deskA.request(ann, 'claims-2', 'EUR', 3_100);
    const seenAtB = watchAtDeskB(tid);
    const approving = await startApprove(tid, 6_000);
    await expect.poll(() => seenAtB.seen.some((r) => r.claimedBy === 'Ann'), { timeout: 5_000 }).toBe(true);

    // The server ends the session holding the claim, as when the desk's machine dies or its network is cut.
    const admin = await openStore({ kind: 'postgres', url });
    try {
      expect(await endClaimSessions(admin.db)).toBe(1);
    } finally {
      await admin.close();
    }
    // No lease to wait out: desk B's feed soon says the row names nobody and that its outcome must be looked up.
    await expect
      .poll(() => seenAtB.latest(), { timeout: 5_000 })
      .toMatchObject({ claimedBy: null, journalState: 'unknown' });
    await expect
      .poll(async () => (await bo.call<PayoutRow[]>('payouts:rows', { tids: [tid] }))[0], { timeout: 3_000 })
      .toMatchObject({ claimedBy: null, journalState: 'unknown' });

    // Desk A itself lives on: its answer still lands, once, and the next action claims on a fresh session.
    expect((await approving.outcome).state).toBe('done');
    await holdSends(0);
    expect(await deskA.payoutsMade(tid)).toBe(1);
    const next = await deskA.request(ann, 'claims-3', 'EUR', 1_500);
    expect((await (await startApprove(next.tid, 0)).outcome).state).toBe('done');
  });

  it('a claim taken twice at one desk (a double click, a bulk item) stays until both are done; then another desk may take it', async () => {
    const here = await openStore({ kind: 'postgres', url });
    const there = await openStore({ kind: 'postgres', url });
    try {
      const [first, second] = await Promise.all([
        here.claims.take('transaction', '77'),
        here.claims.take('transaction', '77'),
      ]);
      expect(first).not.toBeNull();
      expect(second).not.toBeNull();
      expect(await there.claims.take('transaction', '77')).toBeNull();
      await first!();
      expect(await there.claims.take('transaction', '77')).toBeNull();
      await second!();
      const taken = await there.claims.take('transaction', '77');
      expect(taken).not.toBeNull();
      expect(await here.claims.take('transaction', '77')).toBeNull();
      await taken!();
    } finally {
      await here.close();
      await there.close();
    }
  });
});
