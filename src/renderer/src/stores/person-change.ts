import { selectActingOperator, useAccess } from './access';
import { capturesActions } from './captures';
import { captureActions } from './captures-actions';
import { payoutActions } from './payouts-actions';
import { terminalActions } from './terminal';
import { payoutsActions } from './payouts';

// The queues' filters are remembered per window (view-memory.ts), so a reload keeps them: so is whose they were.
const LAST_PERSON_KEY = 'praxis-desk.last-person';

/**
 * A different person signing in at this window starts on clear queues: no search, filter, selection or last result
 * left by the one before (who may have been looking at a customer the next person has no reason to see). The same person back
 * finds them as they left them. Returns the unsubscribe.
 */
export function clearQueuesForTheNextPerson(): () => void {
  const handOver = (person: string | null) => {
    if (person === null || person === localStorage.getItem(LAST_PERSON_KEY)) return;
    if (localStorage.getItem(LAST_PERSON_KEY) !== null) {
      for (const queue of [payoutsActions, capturesActions]) {
        queue.resetFilter();
        queue.clearSelection();
      }
      // "Money moved." under the next person's name would read as theirs.
      for (const actions of [payoutActions, captureActions, terminalActions]) actions.forget();
    }
    localStorage.setItem(LAST_PERSON_KEY, person);
  };
  handOver(selectActingOperator(useAccess.getState()));
  return useAccess.subscribe((s) => handOver(selectActingOperator(s)));
}
