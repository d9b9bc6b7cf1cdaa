import { DeskError } from '../../shared/errors';
import { formatMoney } from '../../shared/money';
import type { WorkStore } from '../store/work-store';
import { operatorKey, verifyOperatorPin } from '../operators/operator-registry';

export interface SecondApprover {
  operator: string;
  pin: string;
}

/**
 * Four-eyes, enforced in the core: the colleague must be registered on this desk, must not be the operator
 * signed in, and must give their own PIN. Every refusal is audited (without the PIN) and nothing is sent.
 */
export async function confirmSecondApprover(
  store: WorkStore,
  operator: string,
  second: SecondApprover | undefined,
  item: { tid?: number; amountMinor: number; currency: string; thresholdMinor: number },
): Promise<string> {
  const what =
    item.tid !== undefined ? `request ${item.tid} (${formatMoney(item.amountMinor, item.currency)})` : 'these requests';
  const refuse = async (reason: string, message: string, secondName: string | null): Promise<never> => {
    await store.audit.append({
      operator,
      action: 'payouts:four-eyes-refused',
      itemKind: item.tid !== undefined ? 'transaction' : null,
      itemId: item.tid !== undefined ? String(item.tid) : null,
      details: { reason, secondApprover: secondName, amountMinor: item.amountMinor, currency: item.currency },
    });
    throw new DeskError('FOUR_EYES', message, { reason });
  };
  const threshold = formatMoney(item.thresholdMinor, item.currency);
  if (!second) {
    throw new DeskError(
      'FOUR_EYES',
      `Approving ${what} needs a second operator: it is above the ${threshold} four-eyes threshold. Ask a colleague registered on this desk to confirm with their PIN.`,
      { reason: 'missing' },
    );
  }
  if (operatorKey(second.operator) === operatorKey(operator)) {
    return refuse(
      'same_operator',
      `A different operator must confirm: ${operator} is signed in and cannot be their own second approver for ${what}.`,
      second.operator,
    );
  }
  const check = await verifyOperatorPin(store, second.operator, second.pin);
  if (!check.ok && check.reason === 'unknown_operator') {
    return refuse(
      'unknown_operator',
      `"${second.operator.trim()}" is not a registered operator on this desk. Add them under Settings › Operators, or ask a registered colleague to confirm.`,
      second.operator,
    );
  }
  if (!check.ok)
    return refuse(
      'wrong_pin',
      `Wrong PIN for ${second.operator.trim()}. Nothing was sent; ask ${second.operator.trim()} to enter their PIN again.`,
      second.operator,
    );
  return check.name;
}
