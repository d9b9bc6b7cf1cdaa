import { useShallow } from 'zustand/react/shallow';
import { holdLine } from '../../../shared/hold-windows';
import { holdsExpiringActions, useHoldsExpiring } from '../stores/holds-expiring';

/** In-app notice of holds entering their last 24 hours, where desktop notifications are off or refused. */
export function ExpiringHoldsBanner() {
  const { holds, banner, notifications } = useHoldsExpiring(
    useShallow((s) => ({ holds: s.holds, banner: s.banner, notifications: s.notifications })),
  );
  const shown = banner.map((tid) => holds.get(tid)).filter((h) => h !== undefined);
  if (shown.length === 0) return null;
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
      </p>
      <ul>
        {shown.map((h) => (
          <li key={h.tid}>
            <span className="mono">{h.tid}</span> · {holdLine(h)}{' '}
            <button type="button" onClick={() => holdsExpiringActions.open(h.tid)}>
              Open hold {h.tid}
            </button>{' '}
            <button
              type="button"
              className="danger-quiet"
              aria-label={`Dismiss notice about hold ${h.tid}`}
              onClick={() => holdsExpiringActions.dismiss(h.tid)}
            >
              Dismiss
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
