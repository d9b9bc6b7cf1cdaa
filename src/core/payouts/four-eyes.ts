import { formatMoney } from '../../shared/money';
import type { WorkStore } from '../store/work-store';
import { confirmColleague, type Colleague } from '../operators/confirm-colleague';

export type SecondApprover = Colleague;

/**
 * Four-eyes on a payout: a second approval is a manager's (any registered colleague's while the desk has no
 * manager yet), never the approver's own; refusals are audited as `payouts:four-eyes-refused` and nothing is sent.
 */
export function confirmSecondApprover(
  store: WorkStore,
  operator: string,
  second: SecondApprover | undefined,
  item: { tid?: number; amountMinor: number; currency: string; why: string },
): Promise<string> {
  const what =
    item.tid !== undefined ? `request ${item.tid} (${formatMoney(item.amountMinor, item.currency)})` : 'these requests';
  return confirmColleague(store, {
    actor: operator,
    colleague: second,
    role: 'manager',
    what,
    missing: `Approving ${what} needs a second operator: ${item.why}. Ask a manager registered on this desk to confirm with their PIN.`,
    refusal: {
      action: 'payouts:four-eyes-refused',
      itemKind: item.tid !== undefined ? 'transaction' : null,
      itemId: item.tid !== undefined ? String(item.tid) : null,
      details: { amountMinor: item.amountMinor, currency: item.currency },
    },
  });
}
