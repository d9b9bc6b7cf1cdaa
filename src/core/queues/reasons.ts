import { DeskError } from '../../shared/errors';
import { missingNote, type ReasonOption } from '../../shared/queue-views';

/** The reason picked from a settings pick-list (reject, void); anything else is refused with the list. */
export function pickReason(
  reasons: readonly ReasonOption[],
  reasonCode: string,
  kind: string,
  note: string | undefined,
): ReasonOption {
  const reason = reasons.find((r) => r.code === reasonCode);
  if (!reason)
    throw new DeskError(
      'VALIDATION',
      `"${reasonCode}" is not one of the ${kind} reasons (${reasons.map((r) => r.code).join(', ')}). Pick one from the list.`,
    );
  const noNote = missingNote(reason, note);
  if (noNote) throw new DeskError('VALIDATION', `${noNote} Nothing was sent.`);
  return reason;
}

/** What the audit log keeps of a decision with a reason: Praxis takes none, so the audit entry is its only record. */
export const reasonAudit = (
  tx: { amountMinor: number; currency: string },
  reason: ReasonOption,
  note: string | undefined,
) => ({
  amountMinor: tx.amountMinor,
  currency: tx.currency,
  reasonCode: reason.code,
  reasonLabel: reason.label,
  note: note ?? null,
});
