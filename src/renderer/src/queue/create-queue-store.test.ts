import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createQueueStore } from './create-queue-store';
import type { QueueRow } from './queue-row';

interface Row extends QueueRow {
  status: string;
}
const row = (tid: number, status = 'pending'): Row => ({
  tid,
  currency: 'EUR',
  journalState: null,
  claimedBy: null,
  status,
});

/** A queue over an in-memory book: `decide` takes items out of the queue, as a payout or a colleague's reject does. */
function queueOver(tids: number[]) {
  const book = new Map(tids.map((t) => [t, row(t)]));
  const detailsAsked: number[] = [];
  const store = createQueueStore<Row, { row: Row }, { text: string }, 'tid'>(
    {
      list: () => Promise.resolve({ ok: true, data: { rows: [...book.values()], next: null } }),
      rows: (asked) => Promise.resolve({ ok: true, data: asked.map((t) => book.get(t)!) }),
      detail: (tid) => {
        detailsAsked.push(tid);
        return Promise.resolve({ ok: true, data: { row: book.get(tid)! } });
      },
      onChanged: () => () => {},
      belongsInQueue: (r) => r.status === 'pending',
      firstPageRows: 100,
    },
    {
      storageKey: 'test.queue',
      schema: z.object({
        filter: z.object({ text: z.string() }),
        sort: z.object({ column: z.literal('tid'), desc: z.boolean() }),
      }),
      emptyFilter: { text: '' },
      defaultSort: { column: 'tid', desc: false },
      startsDescending: () => false,
    },
  );
  const decide = (...done: number[]) => {
    for (const t of done) book.set(t, row(t, 'approved'));
    return store.actions.refreshRows(done);
  };
  return { ...store, decide, detailsAsked };
}

async function loaded(tids: number[]) {
  const q = queueOver(tids);
  await q.actions.load();
  q.selectors.setVisibleRows(q.useQueue.getState().rows);
  return q;
}

describe('queue store: cursor and selection once items leave the queue', () => {
  it('moves the cursor to the next row shown when its row leaves, and keeps no selection of rows gone', async () => {
    const q = await loaded([1, 2, 3]);
    q.actions.setCursor(1);
    q.actions.toggleSelected(1);
    q.actions.toggleSelected(3);
    await q.decide(1);
    expect(q.useQueue.getState().cursorTid).toBe(2);
    expect([...q.useQueue.getState().selected]).toEqual([3]);
    // X now acts on the row under the cursor, a row still shown.
    q.actions.toggleSelected(q.selectors.cursorOrFirst()!);
    expect([...q.useQueue.getState().selected].sort()).toEqual([2, 3]);
  });

  it('moves to the row above when the last row shown leaves, and past rows that left with it', async () => {
    const q = await loaded([1, 2, 3, 4]);
    q.actions.setCursor(2);
    await q.decide(2, 3, 4);
    expect(q.useQueue.getState().cursorTid).toBe(1);
    await q.decide(1);
    expect(q.useQueue.getState().cursorTid).toBeNull();
  });

  it('loads the detail of the row the cursor moved to when the pane is open', async () => {
    const q = await loaded([1, 2]);
    await q.actions.openDetail(1);
    await q.decide(1);
    expect(q.useQueue.getState().cursorTid).toBe(2);
    await expect.poll(() => q.useQueue.getState().detail?.row.tid).toBe(2);
  });

  it('does not select an item that is not in the queue', async () => {
    const q = await loaded([1, 2]);
    q.actions.toggleSelected(7);
    expect(q.useQueue.getState().selected.size).toBe(0);
  });
});
