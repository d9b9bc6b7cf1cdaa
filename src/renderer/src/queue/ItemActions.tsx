import type { ReactNode } from 'react';
import { claimText } from './queue-row';

/** What each action button of an item gets: disabled while a send is in flight, saying why to a screen reader. */
export interface ActionButtonProps {
  disabled: boolean;
  'aria-describedby'?: string;
}

/** One item's action buttons; an item whose last action has no known outcome offers only "Reconcile now". */
export function ItemActions({
  tid,
  journalState,
  claimedBy,
  busy,
  noun,
  onReconcile,
  children,
}: {
  tid: number;
  journalState: 'sending' | 'unknown' | null;
  /** Who is acting on the item right now, at this desk or another. */
  claimedBy: string | null;
  /** This desk has a send in flight for the item. */
  busy: boolean;
  /** The item in words ("request", "hold"). */
  noun: string;
  onReconcile(): void;
  children(props: ActionButtonProps): ReactNode;
}) {
  if (journalState === 'unknown') {
    return (
      <div className="action-buttons">
        <p className="outcome-unknown-note" role="status">
          The last action on this {noun} has no known outcome. Nothing else may be done until the desk has asked Praxis
          what happened.
        </p>
        <button type="button" className="primary" disabled={busy} onClick={onReconcile}>
          {busy ? 'Reconciling…' : 'Reconcile now'}
        </button>
      </div>
    );
  }
  const sending = busy || journalState === 'sending';
  const whyId = `in-flight-${tid}`;
  return (
    <div className="action-buttons">
      {children(sending ? { disabled: true, 'aria-describedby': whyId } : { disabled: false })}
      {sending && (
        <span className="muted" id={whyId}>
          {journalState === 'sending' && claimedBy
            ? `${claimText(claimedBy)}: wait for the outcome.`
            : `An action is in flight on this ${noun}; wait for its outcome.`}
        </span>
      )}
    </div>
  );
}
