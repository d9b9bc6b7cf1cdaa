import { DeskError } from '../../shared/errors';
import { ROLE_LABELS, type Role } from '../../shared/access';
import type { WorkStore } from '../store/work-store';
import { hasManager, operatorKey } from './operator-registry';
import { attemptPin } from './pin-attempts';
import { auditableTypedName } from '../access/typed-name';

export interface Colleague {
  operator: string;
  pin: string;
}

export interface ColleagueRequest {
  /** Who is acting: the colleague must be someone else. */
  actor: string;
  /** Whom the change is about (an operator removed, say): they cannot confirm it either. */
  subject?: string;
  colleague: Colleague | undefined;
  /** Once the desk has a manager, the colleague must hold this role. */
  role: Role;
  /** What is being confirmed, for messages ("request 123 (EUR 10.00)", "removing Bo"). */
  what: string;
  /** Said when no colleague was given: why one is needed and who to ask. */
  missing: string;
  /** The audit action for a refusal, with the facts to keep beside it (never the PIN). */
  refusal: { action: string; itemKind?: string | null; itemId?: string | null; details?: Record<string, unknown> };
}

const seconds = (ms: number) => `${Math.ceil(ms / 1000)} s`;
const LOCKED_NEXT = 'Nothing was done; try again then, or ask another colleague.';

/**
 * A second person's confirmation, checked in the core: registered on this desk, not the person acting, holding the
 * role once roles apply, and giving their own PIN. A wrong name and a wrong PIN get the same answer, which never
 * repeats the typed name; repeated misses lock the name (pin-attempts.ts). Every refusal is audited without the PIN
 * and raises FOUR_EYES, so nothing happens.
 */
export async function confirmColleague(store: WorkStore, req: ColleagueRequest): Promise<string> {
  const { actor, colleague, what, refusal } = req;
  const refuse = async (reason: string, message: string, extra: Record<string, unknown> = {}): Promise<never> => {
    await store.audit.append({
      operator: actor,
      action: refusal.action,
      itemKind: refusal.itemKind ?? null,
      itemId: refusal.itemId ?? null,
      details: {
        reason,
        secondApprover: colleague ? auditableTypedName(colleague.operator) : null,
        ...refusal.details,
        ...extra,
      },
    });
    throw new DeskError('FOUR_EYES', message, { reason: reason === 'locked' ? 'locked' : 'refused' });
  };
  if (!colleague) throw new DeskError('FOUR_EYES', req.missing, { reason: 'missing' });
  if (operatorKey(colleague.operator) === operatorKey(actor)) {
    return refuse(
      'same_operator',
      `A different operator must confirm: ${actor} is signed in and cannot be their own second approver for ${what}.`,
    );
  }
  if (req.subject !== undefined && operatorKey(colleague.operator) === operatorKey(req.subject)) {
    return refuse(
      'is_subject',
      `${req.subject} cannot confirm ${what}, since it is about them. Nothing was done; ask another colleague.`,
    );
  }
  const check = await attemptPin(store, colleague.operator.trim(), colleague.pin);
  if (!check.ok && check.reason === 'locked')
    return refuse(
      'locked',
      `Too many wrong tries: this operator name is locked for ${seconds(check.remainingMs)} more. ${LOCKED_NEXT}`,
    );
  if (!check.ok) {
    const { lockMs } = check;
    // The audit keeps which part was wrong; the person at the screen is not told (no guessing of names).
    return refuse(
      check.reason,
      lockMs
        ? `The operator name or PIN is not right, and that was too many wrong tries: this operator name is locked for ${seconds(lockMs)}. ${LOCKED_NEXT}`
        : 'The operator name or PIN is not right. Nothing was done; ask your colleague to check their name and enter their PIN again.',
      lockMs ? { lockedForMs: lockMs } : {},
    );
  }
  if (check.role !== req.role && (await hasManager(store))) {
    return refuse(
      'wrong_role',
      `${check.name} is ${ROLE_LABELS[check.role].toLowerCase()}, and ${what} needs a ${ROLE_LABELS[req.role].toLowerCase()} to confirm. Nothing was done; ask a ${ROLE_LABELS[req.role].toLowerCase()}.`,
    );
  }
  return check.name;
}
