import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../src/shared/audit';
import { defaultStoreLocation, openStore } from '../../src/core/store/work-store';
import { startDeskCoreForTest } from '../support/desk-core-rig';

// An agent calling what only a manager may: every refusal lands in the audit log, a flood of them only so far.
let rig: Awaited<ReturnType<typeof startDeskCoreForTest>>;
const mia = () => rig.at('window-mia'); // manager
const ann = () => rig.at('window-ann'); // agent
const SECRET = 'Refused-But-Secret-9731';
const SIGN_IN_TRIES = 120;
let signInRowsWritten = 0;

beforeAll(async () => {
  rig = await startDeskCoreForTest('role-refusals-audited');
  await mia().call('operators:add', { name: 'Mia', pin: '91827', role: 'manager' });
  await mia().call('session:sign-in', { operator: 'Mia', pin: '91827' });
  await mia().call('operators:add', { name: 'Ann', pin: '43219', role: 'agent' });
  await ann().call('session:sign-in', { operator: 'Ann', pin: '43219' });
});
afterAll(() => rig?.close());

const refusalsOf = async (operator: string) =>
  (await mia().call<AuditPage>('audit:list', { filter: { operator, action: 'access:refused' }, limit: 500 })).rows;

describe('a call refused for its role', () => {
  it('is audited: who, which command, the role it needed — never what was sent', async () => {
    const calls: Array<[string, unknown]> = [
      ['credentials:set', { profileId: 'embedded-sandbox', secret: SECRET }],
      ['operators:add', { name: 'Eve', pin: '1234', role: 'manager' }],
      ['audit:export', { filter: {} }],
      // Malformed as well: refused for the role all the same, before its input is read.
      ['captures:void', { tid: 'not-a-tid', note: SECRET, junk: true }],
    ];
    for (const [channel, input] of calls)
      expect(await ann().raw(channel as never, input), channel).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    const rows = await refusalsOf('Ann');
    expect(rows.map((r) => r.details.channel).reverse()).toEqual(calls.map(([c]) => c));
    expect(rows[0]).toMatchObject({ operator: 'Ann', details: { needs: ['manager'], has: ['agent'] } });
    expect(JSON.stringify(rows)).not.toContain(SECRET);
    expect(JSON.stringify(rows)).not.toContain('Eve');
  });

  it('sign-in tries with made-up names, which anyone with the page can send, are audited one by one only up to a budget', async () => {
    const stranger = rig.at('window-stranger');
    for (let i = 0; i < SIGN_IN_TRIES; i++)
      expect(await stranger.raw('session:sign-in', { operator: `guess-${i}`, pin: '0000' })).toMatchObject({
        ok: false,
        error: { code: 'SIGN_IN' },
      });
    signInRowsWritten = (
      await mia().call<AuditPage>('audit:list', { filter: { action: 'session:sign-in-refused' }, limit: 500 })
    ).rows.length;
    expect(signInRowsWritten).toBe(50);
  });

  it('a flood is written one by one only up to a budget; the rest are counted in one row when the desk closes', async () => {
    const before = (await refusalsOf('Ann')).length;
    for (let i = 0; i < 200; i++) await ann().raw('operators:remove', { name: 'Mia' });
    const written = (await refusalsOf('Ann')).length - before;
    // 20 rows per operator per 10 minutes: the three refusals above were the first of this window.
    expect(before + written).toBe(20);

    await rig.core.close();
    const store = await openStore(defaultStoreLocation(rig.dataDir));
    try {
      const summary = (
        await store.db.query<{ details: Record<string, unknown> }>(
          `SELECT details FROM audit_log WHERE action = 'access:refused' AND details ? 'summary'`,
        )
      ).rows;
      expect(summary).toHaveLength(1);
      expect(summary[0]!.details).toMatchObject({
        refusals: 200 - written,
        channels: { 'operators:remove': 200 - written },
      });
      const signIns = (
        await store.db.query<{ details: { refusals: number; names: Record<string, number> } }>(
          `SELECT details FROM audit_log WHERE action = 'session:sign-in-refused' AND details ? 'summary'`,
        )
      ).rows;
      expect(signIns.map((r) => r.details.refusals)).toEqual([SIGN_IN_TRIES - signInRowsWritten]);
      expect(Object.keys(signIns[0]!.details.names)).toHaveLength(50);
      expect((await store.audit.verify()).ok).toBe(true);
    } finally {
      await store.close();
      await rm(rig.dataDir, { recursive: true, force: true });
    }
  });
});
