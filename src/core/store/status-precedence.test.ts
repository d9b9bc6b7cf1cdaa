import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NotificationSchema } from '../praxis/schemas';
import { notificationBody } from '../../../test/support/notifications';
import { emptyStore, storeBackends } from '../../../test/support/store-backends';
import { markRequestStatus } from '../payouts/request-state';
import { shouldAdvance } from './status-precedence';
import type { WorkStore } from './work-store';

const T0 = 1_760_000_000;
const at = (s: number) => new Date((T0 + s) * 1000);

/**
 * The flows of api-reference §6.6, one row per transition: the item is first seen `from`, then Praxis reports `to`
 * (later, or earlier when `late` — an out-of-order message), and the store must end at `expect`.
 */
const TRANSITIONS: { from: string; to: string; late?: boolean; type?: 'payout' | 'sale'; expect: string }[] = [
  { from: 'requested', to: 'verification', expect: 'verification' },
  { from: 'verification', to: 'requested', expect: 'requested' },
  { from: 'requested', to: 'partial_payout', expect: 'partial_payout' },
  { from: 'partial_payout', to: 'verification', expect: 'verification' },
  { from: 'partial_payout', to: 'split', expect: 'split' },
  { from: 'requested', to: 'split', expect: 'split' },
  { from: 'requested', to: 'cancelled', expect: 'cancelled' },
  { from: 'split', to: 'requested', expect: 'split' },
  { from: 'cancelled', to: 'requested', expect: 'cancelled' },
  { from: 'pending', to: 'approved', expect: 'approved' },
  { from: 'pending', to: 'error', expect: 'error' },
  { from: 'approved', to: 'pending', expect: 'approved' },
  { from: 'approved', to: 'refunded', type: 'sale', expect: 'refunded' },
  { from: 'approved', to: 'chargeback', type: 'sale', expect: 'chargeback' },
  { from: 'approved', to: 'reversed', type: 'sale', expect: 'reversed' },
  { from: 'approved', to: 'requested', late: true, expect: 'approved' },
  { from: 'verification', to: 'requested', late: true, expect: 'verification' },
  // A status the docs do not list is placed by Praxis's time alone, both ways.
  { from: 'approved', to: 'settled_somehow', type: 'sale', expect: 'settled_somehow' },
  { from: 'settled_somehow', to: 'approved', late: true, type: 'sale', expect: 'settled_somehow' },
];

describe('status precedence (pure rule)', () => {
  for (const t of TRANSITIONS) {
    it(`${t.from} → ${t.to}${t.late ? ' (older message)' : ''} ends ${t.expect}`, () => {
      const advances = shouldAdvance({ status: t.from, at: at(10) }, { status: t.to, at: at(t.late ? 5 : 20) });
      expect(advances ? t.to : t.from).toBe(t.expect);
    });
  }
});

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason !== null)(`status precedence in the store on ${backend.name}`, () => {
    let store: WorkStore;
    beforeAll(async () => {
      store = await backend.open();
    });
    afterAll(async () => {
      await store?.close();
      await backend.stop();
    });
    beforeEach(async () => emptyStore(store));

    const see = (tid: number, status: string, s: number, type: 'payout' | 'sale' = 'payout') =>
      store.ingest(NotificationSchema.parse(notificationBody({ tid, status, type })), {
        observedAt: at(s),
        source: 'notification',
      });

    TRANSITIONS.forEach((t, i) => {
      it(`${t.from} → ${t.to}${t.late ? ' (older message)' : ''} ends ${t.expect}`, async () => {
        const tid = 7_000 + i;
        await see(tid, t.from, 10, t.type);
        await see(tid, t.to, t.late ? 5 : 20, t.type);
        expect((await store.getTransaction(tid))?.status).toBe(t.expect);
      });
    });

    it("the desk's own status updates follow the same rule: an older one never wins, a later one does", async () => {
      await see(7_100, 'requested', 10);
      await markRequestStatus(store, 7_100, 'verification', at(20));
      await markRequestStatus(store, 7_100, 'requested', at(15));
      expect((await store.getTransaction(7_100))?.status).toBe('verification');
      await markRequestStatus(store, 7_100, 'requested', at(30));
      expect((await store.getTransaction(7_100))?.status).toBe('requested');
    });
  });
}
