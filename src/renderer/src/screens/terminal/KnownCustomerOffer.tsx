import { useEffect, useState } from 'react';
import type { TerminalCustomer } from '../../../../shared/terminal';
import { terminalActions } from '../../stores/terminal';
import type { TerminalDraft } from './terminal-form';

const DETAILS = ['firstName', 'lastName', 'email', 'country', 'phone', 'address', 'city', 'zip'] as const;
type Detail = (typeof DETAILS)[number];

/** What the desk knows of the cid being typed (asked once typing pauses); null while unknown or not yet asked. */
function useKnownCustomer(cid: string): TerminalCustomer | null {
  const typed = cid.trim();
  const [known, setKnown] = useState<TerminalCustomer | null>(null);
  useEffect(() => {
    if (!typed) return;
    let current = true;
    const asking = setTimeout(() => void terminalActions.knownCustomer(typed).then((k) => current && setKnown(k)), 250);
    return () => {
      current = false;
      clearTimeout(asking);
    };
  }, [typed]);
  return known?.cid === typed ? known : null;
}

/**
 * A caller the desk already knows (an earlier session, or Praxis's details from their payouts and deposits): their
 * id is enough. One button puts their details in the form and empties the ones the desk does not know, so nothing of
 * a previous caller stays. Nothing is offered once the form holds all it knows.
 */
export function KnownCustomerOffer({
  draft,
  fill,
}: {
  draft: TerminalDraft;
  fill(patch: Partial<TerminalDraft>): void;
}) {
  const known = useKnownCustomer(draft.cid);
  if (!known) return null;
  if (!DETAILS.some((key) => known[key] && known[key] !== draft[key])) return null;
  const patch = Object.fromEntries(DETAILS.map((key) => [key, known[key] ?? ''])) as Record<Detail, string>;
  const name = `${known.firstName} ${known.lastName}`.trim() || known.cid;
  return (
    <p className="vt-known" role="status">
      Known customer: {[name, known.email, known.country].filter(Boolean).join(' · ')}{' '}
      <button type="button" onClick={() => fill(patch)} aria-label={`Fill the form from the known customer ${name}`}>
        Fill the form
      </button>
    </p>
  );
}
