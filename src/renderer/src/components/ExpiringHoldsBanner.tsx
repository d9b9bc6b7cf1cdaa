import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ExpiringHold } from '../../../shared/captures';
import { holdLine } from '../../../shared/hold-windows';
import { useClock } from '../queue/use-clock';
import { holdsExpiringActions, useHoldsExpiring } from '../stores/holds-expiring';

/** Holds listed before the rest fold away: the banner stays a few lines high above every screen. */
const LISTED = 3;

/**
 * In-app notice of holds entering their last 24 hours, where desktop notifications are off or refused: the soonest
 * to lapse first, lapsed ones gone, a few lines high however many there are.
 */
export function ExpiringHoldsBanner() {
  const { holds, banner, notifications } = useHoldsExpiring(
    useShallow((s) => ({ holds: s.holds, banner: s.banner, notifications: s.notifications })),
  );
  // Drawn again every 30 s, each time with the moment it is drawn: a lapsed hold leaves, the time left counts down.
  useClock(30_000);
  const now = Date.now();
  const [unfolded, setUnfolded] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  // After a Dismiss, the keyboard goes to the Dismiss now at the same place (the next hold's), else the last one.
  const [refocusAt, setRefocusAt] = useState<number | null>(null);
  const shown = banner
    .map((tid) => holds.get(tid))
    .filter((h): h is ExpiringHold => h !== undefined && Date.parse(h.lapsesAt) > now)
    .sort((a, b) => Date.parse(a.lapsesAt) - Date.parse(b.lapsesAt));
  useEffect(() => {
    if (refocusAt === null) return;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button.danger-quiet') ?? [];
    (buttons[Math.min(refocusAt, buttons.length - 1)] ?? document.querySelector<HTMLElement>('main'))?.focus();
    setRefocusAt(null);
  }, [refocusAt]);
  if (shown.length === 0) return null;
  const listed = unfolded ? shown : shown.slice(0, LISTED);
  const folded = shown.length - listed.length;
  return (
    <section className="expiring-banner" role="region" aria-label="Holds about to lapse">
      <p role="status">
        <strong>
          {shown.length} hold{shown.length === 1 ? '' : 's'} entered the last 24 hours before lapsing.
        </strong>{' '}
        Capture or void {shown.length === 1 ? 'it' : 'them'} before the hold is released.
        {notifications === 'default' && (
          <>
            {' '}
            <button type="button" className="link-button" onClick={() => void holdsExpiringActions.askPermission()}>
              Show these as desktop notifications
            </button>
          </>
        )}
        {shown.length > 1 && (
          <>
            {' '}
            <button type="button" className="danger-quiet" onClick={() => holdsExpiringActions.dismissAll()}>
              Dismiss all {shown.length} notices
            </button>
          </>
        )}
      </p>
      <ul ref={list}>
        {listed.map((h, i) => (
          <li key={h.tid}>
            <span className="hold-text">
              <span className="mono">{h.tid}</span> · {holdLine(h, now)}
            </span>
            <button type="button" onClick={() => holdsExpiringActions.open(h.tid)}>
              Open hold {h.tid}
            </button>
            <button
              type="button"
              className="danger-quiet"
              aria-label={`Dismiss notice about hold ${h.tid}`}
              onClick={() => {
                holdsExpiringActions.dismiss(h.tid);
                setRefocusAt(i);
              }}
            >
              Dismiss
            </button>
          </li>
        ))}
      </ul>
      {(folded > 0 || unfolded) && shown.length > LISTED && (
        <button type="button" className="link-button" aria-expanded={unfolded} onClick={() => setUnfolded(!unfolded)}>
          {unfolded ? `Show the ${LISTED} soonest only` : `Show ${folded} more`}
        </button>
      )}
    </section>
  );
}
