import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionOutcome } from '../../src/shared/actions';
import type { CaptureRow } from '../../src/shared/captures';
import type { AppInfo, ConnectionTestResult } from '../../src/shared/domain';
import type { GatewayOption } from '../../src/shared/payouts';
import { startDeskCoreForTest } from '../support/desk-core-rig';
import { summaryTable } from '../support/summary-table';

// Issue 16: the desk's clock 90 s ahead of Praxis's. The operator is told by how much, and once the desk knows,
// money-moving calls are not sent blindly again until Praxis answers normally.
let rig: Awaited<ReturnType<typeof startDeskCoreForTest>>;
let simUrl = '';
const desk = () => rig.at('clock');
const summary = summaryTable('Clock skew (issue 16)');
const sim = async <T>(path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<T> => {
  const res = await fetch(`${simUrl}${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return (await res.json()) as T;
};
/** Signed calls that reached the simulator, per path. */
const served = async (path: string) => (await sim<{ served: Record<string, number> }>('/_sim/stats')).served[path] ?? 0;

beforeAll(async () => {
  rig = await startDeskCoreForTest('clock-skew', { holdWatchIntervalMs: null });
  simUrl = (await rig.core.info()).simulatorUrl!;
});
afterAll(async () => {
  summary.print();
  await rig?.close();
});

describe('a desk clock 90 s ahead of Praxis', () => {
  it('tells the operator "your clock is off by 90 s" and sends no money-moving call until Praxis answers again', async () => {
    const request = await rig.request(desk(), 'clock-1', 'EUR', 2_500);
    const { tid: holdTid } = await sim<{ tid: number }>('/_sim/authorizations', {
      cid: 'clock-2',
      currency: 'EUR',
      amount: 4_000,
    });
    await expect
      .poll(async () => (await desk().call<CaptureRow[]>('captures:rows', { tids: [holdTid] })).length)
      .toBe(1);
    const gateway = (await desk().call<GatewayOption[]>('payouts:gateways', { tid: request.tid })).find(
      (g) => g.isDefault,
    )!.id;

    // Praxis's clock 90 s behind the machine's: the desk's is 90 s ahead. Any call Praxis refuses for its
    // timestamp tells the desk by how much — here the operator's Test connection.
    await sim('/_sim/faults', { clockOffsetMs: -90_000 });
    const clockEvents: unknown[] = [];
    const stopListening = rig.core.events.on('event:clock-changed', (e) => clockEvents.push(e.clockOff));
    const test = await desk().call<ConnectionTestResult>('credentials:test', { profileId: 'embedded-sandbox' });
    expect(test).toMatchObject({ ok: false, code: 'CLOCK_SKEW' });
    expect(test.message).toMatch(/^Your clock is off by (89|90|91) s/);
    expect(test.skewSeconds).toBeGreaterThanOrEqual(89);
    // Every window is told at once, and one opened later learns it from app:info: a standing notice, not a toast.
    // (Each refusal measures again, to the whole second: a later one may say a second or two more or less.)
    expect(clockEvents.length).toBeGreaterThanOrEqual(1);
    for (const e of clockEvents) expect((e as { skewSeconds: number }).skewSeconds).toBeGreaterThanOrEqual(88);
    const info = await desk().call<AppInfo>('app:info');
    expect(info).toMatchObject({ connection: 'failing', clockOff: clockEvents.at(-1) });

    // Known now: an approve, a capture and a reject are refused at the desk; no money-moving call reaches Praxis.
    const moving = ['/agent/manage-withdrawal-request', '/agent/manage-transaction', '/agent/split-withdrawal-request'];
    const sent = async () => (await Promise.all(moving.map(served))).reduce((a, b) => a + b, 0);
    const sentBefore = await sent();
    const approved = await desk().call<ActionOutcome>('payouts:approve', { tid: request.tid, gateway });
    const captured = await desk().call<ActionOutcome>('captures:capture', { tid: holdTid });
    const rejected = await desk().call<ActionOutcome>('payouts:reject', {
      tid: request.tid,
      reasonCode: 'customer_asked',
    });
    for (const o of [approved, captured, rejected]) {
      expect(o).toMatchObject({ state: 'failed', moneyMoved: false, errorCode: 'CLOCK_SKEW' });
      expect(o.message).toMatch(/^Your clock is off by (89|90|91) s \(ahead of Praxis\)/);
      expect(o.message).toContain('was not sent');
    }
    expect(await sent()).toBe(sentBefore);

    // …and once the clock is right, a lookup answered normally lets money move again, once.
    await sim('/_sim/faults', undefined, 'DELETE');
    expect((await desk().call<ConnectionTestResult>('credentials:test', { profileId: 'embedded-sandbox' })).ok).toBe(
      true,
    );
    expect(clockEvents.at(-1)).toBeNull();
    expect(await desk().call<AppInfo>('app:info')).toMatchObject({ connection: 'ok', clockOff: null });
    stopListening();
    const paid = await desk().call<ActionOutcome>('payouts:approve', { tid: request.tid, gateway });
    expect(paid).toMatchObject({ state: 'done', moneyMoved: true });
    expect(await rig.payoutsMade(request.tid)).toBe(1);

    summary.add({
      scenario: 'desk clock +90 s',
      runs: 1,
      passed: 1,
      figures: `told: "${approved.message.slice(0, 29)}"; 3 money-moving calls refused at the desk, 0 reached Praxis; clock fixed: 1 payout`,
    });
  });
});
