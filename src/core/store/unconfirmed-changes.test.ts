import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { notificationBody } from '../../../test/support/notifications';
import { emptyStore, storeBackends } from '../../../test/support/store-backends';
import { NotificationSchema } from '../praxis/schemas';
import { acceptWithClaim, pendingChanges, settleChanges, takeDue } from './unconfirmed-changes';
import type { WorkStore } from './work-store';

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason !== null)(`notified changes waiting for Praxis on ${backend.name}`, () => {
    let store: WorkStore;
    beforeAll(async () => {
      store = await backend.open();
    });
    afterAll(async () => {
      await store?.close();
      await backend.stop();
    });
    beforeEach(async () => emptyStore(store));

    const notify = async (tid: number, status: string, timestamp: number) => {
      const n = NotificationSchema.parse(notificationBody({ tid, status, timestamp }));
      return acceptWithClaim(
        store.db,
        { verdict: 'accepted', dedupeKey: `${tid}:${status}:${timestamp}`, rawBody: '{}', headers: {} },
        { ...n, transaction: n.transaction! },
      );
    };

    it('a change notified while its item is being looked up waits for the next look-up, not for the answer in flight', async () => {
      expect(await notify(7001, 'requested', 1_000)).toBe('unconfirmed');
      const [taken] = await takeDue(store.db, 10, 60_000);
      // Praxis answers `requested`… while a later notification says the request was approved.
      expect(await notify(7001, 'approved', 1_001)).toBe('unconfirmed');
      expect(await settleChanges(store.db, taken!, 'requested')).toEqual([]);
      expect((await pendingChanges(store.db, 7001)).map((c) => c.claimedStatus)).toEqual(['approved']);
      // …so the approval is looked up on its own next.
      expect((await takeDue(store.db, 10, 60_000)).map((d) => d.tid)).toEqual([7001]);
    });

    it('a copy of an accepted message claims nothing again', async () => {
      expect(await notify(7002, 'requested', 2_000)).toBe('unconfirmed');
      expect(await notify(7002, 'requested', 2_000)).toBeNull();
      expect(await pendingChanges(store.db, 7002)).toHaveLength(1);
    });
  });
}
