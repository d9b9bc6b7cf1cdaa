import { DeskError } from '../../shared/errors';
import type { JournalEntry } from '../store/journal';
import type { ActionDeps } from './journaled-action';
import { sendLeaseMs, type PraxisSession } from './praxis-session';
import { verbOf } from './queue-kind';

/**
 * Refuses an action on an item whose last action is unresolved: an `unknown` outcome, a `sending` entry past its
 * sender's lease (abandoned: it must be reconciled), or a send still in flight. Every queue checks this first.
 */
export async function requireNoOpenAction(deps: ActionDeps, s: PraxisSession, tid: number): Promise<void> {
  await refuseOpenAction(deps, s, tid, await deps.store.journal.inFlight('transaction', String(tid)));
}

/** The unresolved journal entry of an item, as the checks before an action name it. */
export type OpenAction = Pick<JournalEntry, 'id' | 'action' | 'operator' | 'state'>;

/** requireNoOpenAction with the item's unresolved entry already read (null: none). */
export async function refuseOpenAction(
  deps: ActionDeps,
  s: PraxisSession,
  tid: number,
  open: OpenAction | null,
): Promise<void> {
  if (!open) return;
  const verb = verbOf(open.action);
  if (open.state === 'unknown')
    throw new DeskError(
      'OUTCOME_UNKNOWN',
      `The last ${verb} on ${tid} has an unknown outcome. Reconcile it first; nothing else can be done until then.`,
      { journalId: open.id },
    );
  if (!(await deps.store.journal.leaseHeld(open.id, sendLeaseMs(s))))
    throw new DeskError(
      'OUTCOME_UNKNOWN',
      `The last ${verb} on ${tid} (by ${open.operator}) never recorded its answer. Reconcile it first; nothing else can be done until then.`,
      { journalId: open.id },
    );
  throw new DeskError(
    'CONFLICT',
    `In progress by ${open.operator}: ${tid} is already being acted on (${verb}). Wait for it to finish.`,
    {
      journalId: open.id,
    },
  );
}
