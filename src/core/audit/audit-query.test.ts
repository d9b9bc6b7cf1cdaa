import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditHandlers } from '../commands/audit-handlers';
import { dispatch } from '../commands/dispatch';
import { createMemoryLogger } from '../log';
import { openStore, type WorkStore } from '../store/work-store';
import type { AuditPage } from '../../shared/audit';
import type { CommandHandlers } from '../commands/dispatch';

const ROWS = 1_203;
let store: WorkStore;
let handlers: CommandHandlers;
const log = createMemoryLogger();
const call = async <T>(channel: string, input: unknown): Promise<T> => {
  const res = await dispatch(handlers, channel, input, { transport: 'test', connection: 'test' }, log);
  if (!res.ok) throw new Error(res.error.message);
  return res.data as T;
};

beforeAll(async () => {
  store = await openStore({ kind: 'memory' });
  // One row a minute from 1 March 2026, three operators and two actions in turn, every tenth row about item 777.
  const start = Date.UTC(2026, 2, 1);
  for (let i = 0; i < ROWS; i++)
    await store.audit.append(
      {
        operator: ['Ana', 'Ben', 'Chloe'][i % 3]!,
        action: i % 2 ? 'payouts:reject' : 'payouts:approve',
        itemKind: 'transaction',
        itemId: i % 10 === 0 ? '777' : String(1000 + i),
        details: { amountMinor: i, currency: 'EUR' },
      },
      new Date(start + i * 60_000),
    );
  handlers = createAuditHandlers((fn) => fn({ store })) as CommandHandlers;
}, 120_000);
afterAll(async () => store?.close());

describe('audit:list', () => {
  it('pages newest first by row number through every row, none twice, none missed', async () => {
    const seen: number[] = [];
    let page = await call<AuditPage>('audit:list', { filter: {}, limit: 500 });
    expect(page.total).toBe(ROWS);
    expect(page.operators).toEqual(['Ana', 'Ben', 'Chloe']);
    expect(page.actions).toEqual(['payouts:approve', 'payouts:reject']);
    seen.push(...page.rows.map((r) => r.seq));
    while (page.nextBeforeSeq !== null) {
      page = await call<AuditPage>('audit:list', { filter: {}, beforeSeq: page.nextBeforeSeq, limit: 500 });
      seen.push(...page.rows.map((r) => r.seq));
    }
    expect(seen).toEqual(Array.from({ length: ROWS }, (_, i) => ROWS - i));
  });

  it('filters by operator (any case), action, item and a time range, all together', async () => {
    const page = await call<AuditPage>('audit:list', {
      filter: {
        operator: 'ana',
        action: 'payouts:approve',
        itemId: '777',
        from: '2026-03-01T01:00:00Z',
        to: '2026-03-01T05:00:00Z',
      },
    });
    // Minutes 60–299, every tenth (item 777), Ana's (i % 3 = 0), approvals (even): i % 30 = 0 → 60, 90, …, 270.
    expect(page.rows.map((r) => r.details.amountMinor)).toEqual([270, 240, 210, 180, 150, 120, 90, 60]);
    expect(page.total).toBe(8);
    expect(page.rows.every((r) => r.operator === 'Ana' && r.itemId === '777')).toBe(true);
  });

  it('refuses a range that ends before it starts and a date that is not one, saying what to send', async () => {
    const backwards = await dispatch(
      handlers,
      'audit:list',
      { filter: { from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' } },
      { transport: 'test', connection: 'test' },
      log,
    );
    expect(backwards).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!backwards.ok && backwards.error.message).toMatch(/"from" date must be before the "to" date/);
    const notADate = await dispatch(
      handlers,
      'audit:list',
      { filter: { from: 'yesterday' } },
      { transport: 'test', connection: 'test' },
      log,
    );
    expect(!notADate.ok && notADate.error.message).toMatch(/filter.from: A date and time such as/);
    const huge = await dispatch(
      handlers,
      'audit:list',
      { filter: {}, limit: 1_000_000 },
      { transport: 'test', connection: 'test' },
      log,
    );
    expect(huge).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses an instant PostgreSQL cannot hold (offset past ±14:00, year 0) as VALIDATION, saying what to send', async () => {
    for (const from of ['2026-01-01T00:00:00+23:59', '2026-01-01T00:00:00-16:00', '0000-01-01T00:00:00Z']) {
      const r = await dispatch(
        handlers,
        'audit:list',
        { filter: { from } },
        { transport: 'test', connection: 'test' },
        log,
      );
      expect(r, from).toMatchObject({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: expect.stringMatching(/filter\.from: The (UTC offset|year) must be .*, as in 2026-12-01T00:00:00/),
        },
      });
    }
    // The widest offsets in use still pass.
    for (const from of ['2026-01-01T00:00:00+14:00', '2026-01-01T00:00:00-12:00'])
      expect(
        (await dispatch(handlers, 'audit:list', { filter: { from } }, { transport: 'test', connection: 'test' }, log))
          .ok,
        from,
      ).toBe(true);
  });
});

describe('audit:export', () => {
  it('exports exactly the filtered rows, newest first, with a header', async () => {
    const { csv, rows } = await call<{ csv: string; rows: number }>('audit:export', {
      filter: { itemId: '777', operator: 'Ben' },
    });
    const lines = csv.trim().split('\r\n');
    expect(rows).toBe(40);
    expect(lines).toHaveLength(41);
    expect(lines[0]).toMatch(/^seq,time,operator,action,item,amount/);
    expect(lines.slice(1).every((l) => l.includes(',Ben,') && l.includes(',777,'))).toBe(true);
  });
});
