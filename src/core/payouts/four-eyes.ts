import { DeskError } from '../../shared/errors';
import { formatMoney } from '../../shared/money';
import type { WorkStore } from '../store/work-store';
import { operatorKey, verifyOperatorPin } from '../operators/operator-registry';
import { clearWrongPins, lockRemainingMs, recordWrongPin } from '../operators/pin-attempts';

export interface SecondApprover {
  operator: string;
  pin: string;
}

const seconds = (ms: number) => `${Math.ceil(ms / 1000)} s`;

/**
 * Four-eyes, enforced in the core: the colleague must be registered on this desk, must not be the operator
 * signed in, and must give their own PIN. A wrong name and a wrong PIN get the same answer, and repeated
 * misses lock the name (pin-attempts.ts). Every refusal is audited (without the PIN) and nothing is sent.
 */
export async function confirmSecondApprover(
  store: WorkStore,
  operator: string,
  second: SecondApprover | undefined,
  item: { tid?: number; amountMinor: number; currency: string; why: string },
): Promise<string> {
  const what =
    item.tid !== undefined ? `request ${item.tid} (${formatMoney(item.amountMinor, item.currency)})` : 'these requests';
  const refuse = async (
    reason: string,
    message: string,
    secondName: string | null,
    extra: Record<string, unknown> = {},
  ): Promise<never> => {
    await store.audit.append({
      operator,
      action: 'payouts:four-eyes-refused',
      itemKind: item.tid !== undefined ? 'transaction' : null,
      itemId: item.tid !== undefined ? String(item.tid) : null,
      details: { reason, secondApprover: secondName, amountMinor: item.amountMinor, currency: item.currency, ...extra },
    });
    throw new DeskError('FOUR_EYES', message, { reason: reason === 'locked' ? 'locked' : 'refused' });
  };
  if (!second) {
    throw new DeskError(
      'FOUR_EYES',
      `Approving ${what} needs a second operator: ${item.why}. Ask a colleague registered on this desk to confirm with their PIN.`,
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
  const name = second.operator.trim();
  const locked = await lockRemainingMs(store, name);
  if (locked > 0)
    return refuse(
      'locked',
      `Too many wrong tries for "${name}": locked for ${seconds(locked)} more. Nothing was sent; try again then, or ask another colleague.`,
      second.operator,
    );
  const check = await verifyOperatorPin(store, name, second.pin);
  if (!check.ok) {
    const lockMs = await recordWrongPin(store, name);
    // The audit keeps which part was wrong; the person at the screen is not told (no guessing of names).
    return refuse(
      check.reason,
      `The operator name or PIN is not right. Nothing was sent; ask ${name} to enter their name and PIN again.${lockMs ? ` Too many wrong tries: "${name}" is locked for ${seconds(lockMs)}.` : ''}`,
      second.operator,
      lockMs ? { lockedForMs: lockMs } : {},
    );
  }
  await clearWrongPins(store, name);
  return check.name;
}
