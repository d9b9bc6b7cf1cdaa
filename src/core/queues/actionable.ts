import { DeskError } from '../../shared/errors';
import type { JournalEntry } from '../store/journal';
import type { ActionDeps } from './journaled-action';
import { sendLeaseMs, type PraxisSession } from './praxis-session';
import { verbOf } from './queue-kind';

/** The unresolved journal entry of an item, as the checks before an action name it. */
export type OpenAction = Pick<JournalEntry, 'id' | 'action' | 'operator' | 'state'>;

/**
 * Refuses an action on an item whose last action is unresolved (`open`, as the action's checks read it; null: none):
 * an `unknown` outcome, a `sending` entry past its sender's lease (abandoned: it must be reconciled), or a send still
 * in flight. Every queue checks this first.
 */
export async function refuseOpenAction(
  deps: Pick<ActionDeps, 'store'>,
  s: Pick<PraxisSession, 'timeoutMs'>,
  tid: number,
  open: OpenAction | null,
): Promise<void> {
  if (!open) return;
  const verb = verbOf(open.action);
  // Read again now: the entry may have finished since `open` was read, and only its state now says which answer is true.
  const now =
    open.state === 'unknown'
      ? { state: open.state, senderGone: false }
      : await deps.store.journal.standing(open.id, sendLeaseMs(s));
  if (!now || now.state === 'done' || now.state === 'failed')
    throw new DeskError(
      'CONFLICT',
      `The ${verb} on ${tid} by ${open.operator} has just finished (${now?.state ?? 'no longer open'}); nothing more was sent. Look at ${tid} again before acting on it.`,
      { journalId: open.id },
    );
  if (now.state === 'unknown')
    throw new DeskError(
      'OUTCOME_UNKNOWN',
      `The last ${verb} on ${tid} has an unknown outcome. Reconcile it first; nothing else can be done until then.`,
      { journalId: open.id },
    );
  if (now.senderGone)
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
