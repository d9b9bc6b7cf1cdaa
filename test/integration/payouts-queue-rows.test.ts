import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/core/log';
import { customerSiblingsOf } from '../../src/core/payouts/customer-siblings';
import { createPayoutEngine, type PayoutEngine } from '../../src/core/payouts/payout-engine';
import { DEFAULT_RISK_SETTINGS } from '../../src/core/payouts/risk';
import type { WorkStore } from '../../src/core/store/work-store';
import { queueRowsPerRow, rowsByTidPerRow } from '../support/queue-rows-per-row';
import { storeBackends } from '../support/store-backends';

// Each request below is built to hit one rule at its edge; the SQL-built rows must match the per-row path and the risk card.
const NOW = new Date('2026-03-02T12:00:00.123Z');
const ago = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);

interface Tx {
  tid: number;
  type: 'sale' | 'payout';
  status: string;
  token: string | null;
  amount: number;
  currency: string;
  dest: string | null;
  at: Date;
}

const CUSTOMERS = [
  { token: 'tok-a', first: 'Ann', last: 'Lee', avs: 0, verification: 0 },
  { token: 'tok-b', first: 'Ben', last: null, avs: 1, verification: -1 },
  { token: 'tok-c', first: '', last: '', avs: null, verification: 1 },
];
const TXS: Tx[] = [
  {
    tid: 101,
    type: 'sale',
    status: 'approved',
    token: 'tok-a',
    amount: 10_000,
    currency: 'EUR',
    dest: '4111-a',
    at: ago(500),
  },
  {
    tid: 102,
    type: 'sale',
    status: 'declined',
    token: 'tok-a',
    amount: 90_000,
    currency: 'EUR',
    dest: '4111-z',
    at: ago(400),
  },
  {
    tid: 103,
    type: 'sale',
    status: 'approved',
    token: 'tok-b',
    amount: 300_000,
    currency: 'EUR',
    dest: '4111-b',
    at: ago(450),
  },
  // Exactly at the 150 % ratio: 10,000 deposited, 5,000 + 10,000 asked for (the cancelled 202 does not count) → not flagged.
  {
    tid: 200,
    type: 'payout',
    status: 'requested',
    token: 'tok-a',
    amount: 5_000,
    currency: 'EUR',
    dest: '4111-a',
    at: ago(30),
  },
  {
    tid: 201,
    type: 'payout',
    status: 'requested',
    token: 'tok-a',
    amount: 10_000,
    currency: 'EUR',
    dest: '4111-a',
    at: ago(7),
  },
  {
    tid: 202,
    type: 'payout',
    status: 'cancelled',
    token: 'tok-a',
    amount: 70_000,
    currency: 'EUR',
    dest: '4111-a',
    at: ago(6),
  },
  {
    tid: 203,
    type: 'payout',
    status: 'requested',
    token: 'tok-a',
    amount: 1,
    currency: 'GBP',
    dest: '4111-z',
    at: ago(5),
  },
  // Same timestamp as 205: the velocity window counts ties, and the order falls back to the tid.
  {
    tid: 204,
    type: 'payout',
    status: 'verification',
    token: 'tok-b',
    amount: 800_000,
    currency: 'SEK',
    dest: null,
    at: ago(2),
  },
  {
    tid: 205,
    type: 'payout',
    status: 'requested',
    token: 'tok-b',
    amount: 500_001,
    currency: 'EUR',
    dest: null,
    at: ago(2),
  },
  {
    tid: 206,
    type: 'payout',
    status: 'requested',
    token: 'tok-b',
    amount: 500_000,
    currency: 'USD',
    dest: null,
    at: ago(1),
  },
  {
    tid: 207,
    type: 'payout',
    status: 'requested',
    token: 'tok-c',
    amount: 3,
    currency: 'KWD',
    dest: 'wallet-c',
    at: ago(0.5),
  },
  {
    tid: 208,
    type: 'payout',
    status: 'requested',
    token: null,
    amount: 4,
    currency: 'JPY',
    dest: 'wallet-x',
    at: ago(0.25),
  },
  // Praxis already approved it, but our own action on it is still unknown: it stays in the queue until reconciled.
  {
    tid: 209,
    type: 'payout',
    status: 'approved',
    token: 'tok-c',
    amount: 5,
    currency: 'KWD',
    dest: 'wallet-c',
    at: ago(3),
  },
];
const QUEUE = [209, 200, 201, 203, 204, 205, 206, 207, 208].sort((a, b) => {
  const [x, y] = [TXS.find((t) => t.tid === a)!, TXS.find((t) => t.tid === b)!];
  return x.at.getTime() - y.at.getTime() || a - b;
});

async function seed(store: WorkStore): Promise<void> {
  for (const c of CUSTOMERS) {
    await store.db.query(
      `INSERT INTO customers (customer_token, cid, first_name, last_name, country, avs_alert, verification_alert, raw_customer) VALUES ($1, $1, $2, $3, 'DE', $4, $5, '{}')`,
      [c.token, c.first, c.last, c.avs, c.verification],
    );
  }
  for (const t of TXS) {
    await store.db.query(
      `INSERT INTO transactions (tid, transaction_type, status, status_rank, status_at, cid, customer_token, amount_minor, currency, payment_method, masked_destination, created_at, last_source, raw_transaction)
       VALUES ($1, $2, $3, 1, $4, $5, $5, $6, $7, 'Credit Card', $8, $4, 'lookup', '{}')`,
      [t.tid, t.type, t.status, t.at, t.token, t.amount, t.currency, t.dest],
    );
  }
  await store.db.query(
    `INSERT INTO action_journal (item_kind, item_id, action, operator, request, state) VALUES ('transaction', '209', 'payouts:approve', 'Ann', '{}', 'unknown')`,
  );
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason !== null)(`payout queue rows on ${backend.name}`, () => {
    let store: WorkStore;
    let engine: PayoutEngine;
    beforeAll(async () => {
      store = await backend.open();
      await seed(store);
      engine = createPayoutEngine({
        store,
        log: createMemoryLogger(),
        praxis: () => Promise.reject(new Error('the queue must not call Praxis')),
      });
    }, 60_000);
    afterAll(async () => {
      await store?.close();
      await backend.stop();
    });

    it('lists the same rows and flags as the per-row path and the risk card, oldest first', async () => {
      const { rows, next } = await engine.list();
      expect(next).toBeNull();
      expect(rows.map((r) => r.tid)).toEqual(QUEUE);
      expect(rows).toEqual(await queueRowsPerRow(store.db, DEFAULT_RISK_SETTINGS));
      // The row's flags and their severities are the risk card's: one source of truth for their colours.
      for (const row of rows)
        expect(
          (await engine.detail(row.tid)).risk.map((f) => [f.code, f.severity]),
          `request ${row.tid}`,
        ).toEqual(row.flags.map((code) => [code, row.flagSeverity[code]]));

      const byTid = new Map(rows.map((r) => [r.tid, r]));
      expect(byTid.get(200)!.flags).toEqual([]);
      expect(byTid.get(201)!.flags).toEqual([]);
      expect(byTid.get(203)!.flags).toEqual(['withdrawal_ratio', 'unknown_destination']);
      // 204, 205 and 206 are one burst: the earlier two carry velocity as the last does.
      expect(byTid.get(205)).toMatchObject({
        customerName: 'Ben',
        needsSecondApproval: true,
        flags: ['withdrawal_ratio', 'velocity', 'verification_alert', 'avs_alert', 'four_eyes'],
      });
      expect(byTid.get(206)).toMatchObject({
        needsSecondApproval: false,
        flags: ['withdrawal_ratio', 'velocity', 'verification_alert', 'avs_alert'],
      });
      // SEK has no threshold: four-eyes fails closed, whatever the amount.
      expect(byTid.get(204)).toMatchObject({ needsSecondApproval: true, flags: expect.arrayContaining(['four_eyes']) });
      expect(byTid.get(207)).toMatchObject({
        customerName: null,
        flags: ['withdrawal_ratio', 'unknown_destination', 'verification_alert'],
      });
      expect(byTid.get(208)).toMatchObject({
        customerName: null,
        country: null,
        flags: ['first_withdrawal', 'withdrawal_ratio', 'unknown_destination'],
      });
      expect(byTid.get(209)).toMatchObject({
        status: 'approved',
        journalState: 'unknown',
        createdAt: ago(3).toISOString(),
      });
    });

    it('pages the queue oldest first: the pages join up to the whole queue with no row twice', async () => {
      const whole = (await engine.list()).rows;
      const pages = [];
      let page = await engine.list({ limit: 4 });
      pages.push(page.rows);
      while (page.next !== null) {
        page = await engine.list({ limit: 4, after: page.next });
        pages.push(page.rows);
      }
      expect(pages.map((p) => p.length)).toEqual([4, 4, 1]);
      expect(pages.flat()).toEqual(whole);
      const first = await engine.list({ limit: 3 });
      expect((await engine.list({ after: first.next! })).rows).toEqual(whole.slice(3));
    });

    it("names a customer's other pending requests when one of their transactions changes: their flags read it", async () => {
      const siblings = async (ids: string[]) => (await customerSiblingsOf(store.db, ids)).map(Number).sort();
      // A deposit of Ann's moves the ratio of every request of hers still waiting (202 is cancelled).
      expect(await siblings(['101'])).toEqual([200, 201, 203]);
      // A new request of Ben's: his other two; one with no customer, or a customer with no other, none.
      expect(await siblings(['205'])).toEqual([204, 206]);
      expect(await siblings(['208'])).toEqual([]);
      expect(await siblings(['207'])).toEqual([]);
      expect(await siblings(['not-a-tid'])).toEqual([]);
    });

    it('answers payouts:rows with the same row shape and flags as the list, whatever the status', async () => {
      const tids = [202, 205, 209, 101, 999];
      const rows = await engine.rows(tids);
      expect(rows.map((r) => r.tid)).toEqual([202, 209, 205]);
      expect(rows).toEqual(await rowsByTidPerRow(store.db, tids, DEFAULT_RISK_SETTINGS));
      expect(rows.find((r) => r.tid === 205)).toEqual((await engine.list()).rows.find((r) => r.tid === 205));
    });
  });
}
