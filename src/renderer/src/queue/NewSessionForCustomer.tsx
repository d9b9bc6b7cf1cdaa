import { useState } from 'react';
import { FormError } from '../components/FormError';
import { mayOpen } from '../access/screen-roles';
import { useAccess } from '../stores/access';
import { navigationActions } from '../stores/navigation';
import { terminalActions } from '../stores/terminal';

/**
 * From an item the desk knows (a payout request, a hold): the terminal's form for the same customer, currency and
 * amount, for whoever may use the terminal.
 */
export function NewSessionForCustomer({ tid }: { tid: number }) {
  const allowed = useAccess((s) => mayOpen('terminal', s.access));
  const [error, setError] = useState<string | null>(null);
  if (!allowed) return null;
  return (
    <div className="detail-terminal">
      <button
        type="button"
        aria-label={`New terminal session for the customer of ${tid}`}
        onClick={() =>
          void terminalActions.prefillFrom(tid).then((refused) => {
            setError(refused?.message ?? null);
            if (!refused) navigationActions.go('terminal');
          })
        }
      >
        New terminal session…
      </button>
      <FormError message={error} />
    </div>
  );
}
