import { EmptyState } from '../components/EmptyState';
import { ScreenHeader } from '../components/ScreenHeader';

/* The queue screens arrive in their own issues; until then each says plainly what it will hold. */

export function PayoutsPlaceholder() {
  return (
    <>
      <ScreenHeader title="Payouts" />
      <EmptyState title="The payout queue is not built yet">
        <p>
          Withdrawal requests waiting for a decision will be listed here, oldest first, with a risk card for each. You
          will approve, reject or split them one by one or in batches (J/K to move, A approve, R reject, S split).
        </p>
        <p className="muted">
          Nothing is shown because this screen is not connected to the work store yet — not because the queue is empty.
        </p>
      </EmptyState>
    </>
  );
}

export function CapturesPlaceholder() {
  return (
    <>
      <ScreenHeader title="Captures" />
      <EmptyState title="The capture queue is not built yet">
        <p>
          Authorized deposits will be listed here closest-to-expiry first, with a countdown, so you can capture or void
          each hold before it lapses.
        </p>
        <p className="muted">
          Nothing is shown because this screen is not connected to the work store yet — not because there are no holds.
        </p>
      </EmptyState>
    </>
  );
}
