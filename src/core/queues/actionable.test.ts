import { describe, expect, it } from 'vitest';
import { emptyStore, storeBackends, storeUnderTest } from '../../../test/support/store-backends';
import { refuseOpenAction } from './actionable';

// A duplicate action reads the item's open entry, then asks whether its sender still holds it: the first action can
// finish in between. Each case stops the duplicate at that point and finishes (or abandons) the entry there.
const TID = 4242;
const session = { timeoutMs: 1_000 };

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason !== null)(`a duplicate action's check on ${backend.name}`, () => {
    const storeOf = storeUnderTest(backend);

    /** The first reject begun, and the open entry as the duplicate read it while it was in flight. */
    const firstRejectInFlight = async () => {
      const begun = await storeOf().journal.begin({
        itemKind: 'transaction',
        itemId: String(TID),
        action: 'payouts:reject', // not approve: PostgreSQL's four-eyes rule would want a stored request
        operator: 'Bo',
        request: { intent: 'cancel-withdrawal-request' },
      });
      const open = await storeOf().journal.inFlight('transaction', String(TID));
      expect(open?.id).toBe(begun.id);
      return open!;
    };
    const duplicateCheck = (open: Awaited<ReturnType<typeof firstRejectInFlight>>) =>
      refuseOpenAction({ store: storeOf() }, session, TID, open);

    it('answers "in progress" while the first is still being sent', async () => {
      const open = await firstRejectInFlight();
      await expect(duplicateCheck(open)).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('In progress by Bo'),
      });
    });

    it('answers "already done", never OUTCOME_UNKNOWN, when the first finishes between the read and the check', async () => {
      const open = await firstRejectInFlight();
      await storeOf().journal.finish(open.id, { state: 'done', praxisStatus: 0 });
      await expect(duplicateCheck(open)).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/reject on 4242 by Bo has just finished \(done\)/),
      });
    });

    it('answers "just failed" the same way when the first was refused by Praxis meanwhile', async () => {
      const open = await firstRejectInFlight();
      await storeOf().journal.finish(open.id, { state: 'failed', praxisStatus: 1 });
      await expect(duplicateCheck(open)).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/has just finished \(failed\)/),
      });
    });

    it('still says OUTCOME_UNKNOWN when the first ended unknown meanwhile, or its sender is gone', async () => {
      const unknown = await firstRejectInFlight();
      await storeOf().journal.finish(unknown.id, { state: 'unknown' });
      await expect(duplicateCheck(unknown)).rejects.toMatchObject({
        code: 'OUTCOME_UNKNOWN',
        message: expect.stringContaining('has an unknown outcome'),
      });

      await emptyStore(storeOf());
      const abandoned = await firstRejectInFlight();
      // Its sender's lease ran out long ago (the sender crashed without an answer).
      await storeOf().db.query(`UPDATE action_journal SET created_at = now() - interval '1 hour' WHERE id = $1`, [
        abandoned.id,
      ]);
      await expect(duplicateCheck(abandoned)).rejects.toMatchObject({
        code: 'OUTCOME_UNKNOWN',
        message: expect.stringContaining('never recorded its answer'),
      });
    });
  });
}
