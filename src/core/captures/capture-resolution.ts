import type { PraxisClient } from '../praxis';
import { PRAXIS_ASSUMPTIONS } from '../praxis/assumptions';
import type { Resolution, ResolveOptions } from '../queues/queue-kind';
import { lookUpStatus, minutesText, sinceSend, stillUnknown } from '../queues/resolution';
import type { JournalEntry } from '../store/journal';
import { NO_MONEY_STATUSES } from '../store/status-precedence';
import type { WorkStore } from '../store/work-store';

/** A captured hold: approved, or later refunded / charged back / reversed — the capture happened either way. */
const CAPTURED_STATUSES = ['approved', 'refunded', 'chargeback', 'reversed'];
const isIn = (list: readonly string[], s: string) => list.includes(s);

/**
 * Looks a capture or void with an unknown outcome up at Praxis — never re-sends it. Only a definitive answer settles
 * it: captured (approved…) or released (cancelled, declined); still `authorized` is settled as not applied only by
 * the stated rule of PRAXIS_ASSUMPTIONS (holdUnchangedAfterMs after the send). Anything else stays unknown.
 */
export async function resolveCaptureUnknown(
  entry: JournalEntry,
  client: PraxisClient,
  store: WorkStore,
  opts: ResolveOptions = {},
): Promise<Resolution> {
  const tid = Number(entry.itemId);
  const isCapture = entry.action === 'captures:capture';
  const looked = await lookUpStatus(client, store, tid);
  if ('failed' in looked) return looked.failed;
  const status = looked.status;
  const verb = isCapture ? 'capture' : 'void';

  if (isIn(CAPTURED_STATUSES, status))
    return isCapture
      ? {
          state: 'done',
          moneyMoved: true,
          foundStatus: status,
          message: `Praxis shows authorization ${tid} as ${status}: the capture went through once and the money moved. Do not capture it again.`,
        }
      : {
          state: 'failed',
          moneyMoved: false,
          foundStatus: status,
          message: `Praxis shows authorization ${tid} as ${status} (captured): the void did not apply and the money was taken.`,
        };
  if (isIn(NO_MONEY_STATUSES, status))
    return isCapture
      ? {
          state: 'failed',
          moneyMoved: false,
          foundStatus: status,
          message: `Praxis shows authorization ${tid} as ${status}: the hold was released, nothing was captured.`,
        }
      : {
          state: 'done',
          moneyMoved: false,
          foundStatus: status,
          message: `Praxis shows authorization ${tid} as ${status}: the void went through and the hold is released.`,
        };

  const rule = opts.notAppliedAfterMs ?? PRAXIS_ASSUMPTIONS.holdUnchangedAfterMs.value;
  const age = sinceSend(entry, opts.now);
  const ruleText = `(the desk's stated rule: still authorized ${minutesText(rule)} after the send means not applied)`;
  if (status === 'authorized' && age >= rule)
    return {
      state: 'failed',
      moneyMoved: false,
      foundStatus: status,
      message: `Praxis still shows authorization ${tid} as authorized, ${minutesText(age)} after the send ${ruleText}: the ${verb} was not applied. It is safe to ${verb} it again.`,
    };
  return stillUnknown(
    status === 'authorized'
      ? `Outcome unknown — reconcile later. Praxis still shows authorization ${tid} as authorized, but a ${verb} still processing can show that too; it is settled as not applied only ${minutesText(rule)} after the send ${ruleText}. Do not ${verb} it again.`
      : `Praxis shows authorization ${tid} as "${status}", which does not say whether the ${verb} was applied. Outcome unknown — check it in the Praxis back office, then reconcile again.`,
    status,
  );
}
