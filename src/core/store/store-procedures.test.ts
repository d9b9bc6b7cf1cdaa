import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/errors';
import { openStore, type WorkStore } from './work-store';

// The desk's own store: PGlite on its worker thread, where store procedures run in one message there and back.
describe('store procedures on the store worker', () => {
  let store!: WorkStore;
  beforeAll(async () => {
    store = await openStore({ kind: 'memory' });
  }, 90_000);
  afterAll(() => store.close());

  const intent = (itemId: string, operator: string) => ({
    itemKind: 'transaction' as const,
    itemId,
    action: 'payouts:approve',
    operator,
    request: {},
  });

  it("a journal claim refused in the worker reaches the action as the desk error it was, with the open entry's id", async () => {
    const first = await store.journal.begin(intent('7001', 'Ana'));
    const refused = await store.journal.begin(intent('7001', 'Ben')).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(DeskError);
    expect((refused as DeskError).toWire()).toEqual({
      code: 'CONFLICT',
      message: '7001 is already being acted on (payouts:approve by Ana). Wait for it to finish.',
      details: { journalId: first.id },
    });
  });

  it('a begin given the entry its checks saw says which entry went to Praxis since', async () => {
    const seen = await store.journal.begin(intent('7002', 'Ana'));
    expect((await store.journal.begin(intent('7003', 'Ana'), undefined, 0)).sentSince).toBeNull();
    await store.journal.finish(seen.id, { state: 'done', praxisStatus: 0 });
    const sent = await store.journal.begin(intent('7002', 'Ben'));
    await store.journal.finish(sent.id, { state: 'done', praxisStatus: 0 });
    const late = await store.journal.begin(intent('7002', 'Cleo'), undefined, seen.id);
    expect(late.sentSince).toMatchObject({ id: sent.id, operator: 'Ben', state: 'done' });
  });

  it('an ingest that fails part-way keeps nothing of it: the customer written first is rolled back too', async () => {
    const failed = await store
      .ingest(
        {
          customer: { customer_token: 'tok-procedure', first_name: 'Half', last_name: 'Written' },
          transaction: {
            tid: 7010,
            transaction_type: 'payout',
            transaction_status: 'requested',
            // Not an amount the store can keep: the transaction's upsert fails after the customer's.
            amount: 1.5,
            currency: 'EUR',
          },
        } as never,
        { observedAt: new Date(), source: 'lookup' },
      )
      .catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(Error);
    expect((await store.db.query(`SELECT 1 FROM customers WHERE customer_token = 'tok-procedure'`)).rows).toHaveLength(
      0,
    );
    expect(await store.getTransaction(7010)).toBeNull();
  });
});
