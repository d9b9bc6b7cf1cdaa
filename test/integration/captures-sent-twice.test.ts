import { describe, expect, it } from 'vitest';
import { simRigForThisFile } from '../support/sim-rig-for-this-file';
import { startCaptureRig } from '../support/capture-rig';
import { sendTwiceStale, servedCalls } from '../support/sent-twice';

// A capture double-clicked: the second copy checked the hold before the first began, and begins once the first's
// journal entry is finished but before its answer is stored, so the hold still looks open. The journal tells it.
const world = simRigForThisFile(startCaptureRig);
const rig = () => world.rig;

describe('a capture sent twice on one desk', () => {
  it('the copy that reaches the journal after the first was sent is refused, and not sent', async () => {
    const [tid] = await rig().authorize([{ cid: 'c-capture-twice', currency: 'EUR', amount: 120_00 }]);
    const before = await servedCalls(rig(), 'manage-transaction');
    const answers = await sendTwiceStale(rig().store, () => rig().engine.capture(tid!));
    expect(answers.filter((a) => a.status === 'fulfilled')).toMatchObject([{ value: { state: 'done' } }]);
    expect(answers.find((a) => a.status === 'rejected')).toMatchObject({
      reason: {
        code: 'CONFLICT',
        message: expect.stringMatching(
          /^Authorization \d+ changed while this capture waited: Ana's capture went to Praxis meanwhile \(done\)\. Nothing was sent/,
        ),
      },
    });
    expect(await servedCalls(rig(), 'manage-transaction')).toBe(before + 1);
    expect((await rig().simRecord(tid!)).capturesMade).toBe(1);
  });
});
