import { useEffect, useState } from 'react';
import type { WireError } from '../../../shared/errors';
import type { PraxisObjects } from '../../../shared/lookup';
import { readPraxisObjects } from '../api/lookup';
import { FormError } from '../components/FormError';
import { instantText } from '../components/instant-text';

const SOURCE_WORDS: Record<PraxisObjects['lastSource'], string> = {
  notification: 'a notification',
  lookup: 'a lookup',
  action: "an action's answer",
};

/** The region's id for the row button's aria-controls. */
export const praxisObjectsId = (tid: number) => `praxis-objects-${tid}`;

/**
 * A found item's transaction, session and customer objects, as Praxis sent them and the desk stored them, under its
 * row in the lookup results (product.md: Lookup shows the raw Praxis objects). Read when opened, not with each result.
 */
export function PraxisObjectsRow({ tid, columns }: { tid: number; columns: number }) {
  const [objects, setObjects] = useState<PraxisObjects | null>(null);
  const [error, setError] = useState<WireError | null>(null);
  useEffect(() => {
    let current = true;
    void readPraxisObjects(tid).then((res) => {
      if (!current) return;
      if (res.ok) setObjects(res.data);
      else setError(res.error);
    });
    return () => {
      current = false;
    };
  }, [tid]);

  return (
    <tr className="praxis-objects-row">
      <td colSpan={columns}>
        <section id={praxisObjectsId(tid)} aria-label={`Praxis objects of ${tid}`} className="praxis-objects">
          <FormError message={error?.message} />
          {!objects && !error && <p className="muted">Reading the stored objects…</p>}
          {objects && (
            <>
              <p className="muted">
                As the desk stored them from {SOURCE_WORDS[objects.lastSource]}, {instantText(objects.observedAt)}.
                Tokens that would open the customer&apos;s session or pay with their saved card are hidden.
              </p>
              <div className="praxis-objects-list">
                {(['transaction', 'session', 'customer'] as const).map((name) => (
                  <figure key={name} role="group" aria-label={name}>
                    <figcaption>{name}</figcaption>
                    {objects[name] ? (
                      // Focusable, so a keyboard can scroll a long object.
                      <pre className="mono" tabIndex={0}>
                        {JSON.stringify(objects[name], null, 2)}
                      </pre>
                    ) : (
                      <p className="muted">Praxis has not sent a {name} object for this item.</p>
                    )}
                  </figure>
                ))}
              </div>
            </>
          )}
        </section>
      </td>
    </tr>
  );
}
