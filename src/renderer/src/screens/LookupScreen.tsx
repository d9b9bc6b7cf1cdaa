import { Fragment, useRef, useState, type ChangeEvent } from 'react';
import { formatMoney } from '../../../shared/money';
import { shortId } from '../../../shared/lookup-id';
import { statusText, statusWords, type StatusOf } from '../../../shared/praxis-words';
import { ScreenHeader } from '../components/ScreenHeader';
import { idsFromCsv, idsFromText } from '../stores/lookup-ids';
import { lookupActions, selectCounts, useLookup } from '../stores/lookup';
import { useShallow } from 'zustand/react/shallow';
import { FormError } from '../components/FormError';
import { ProgressBar } from '../components/ProgressBar';
import { BusyButton } from '../components/BusyButton';
import { navigationActions } from '../stores/navigation';
import { terminalActions } from '../stores/terminal';
import { PraxisObjectsRow, praxisObjectsId } from './PraxisObjectsRow';
import { instantText } from '../components/instant-text';
import { mayOpen } from '../access/screen-roles';
import { useAccess } from '../stores/access';

/** The results table's columns; a row's Praxis objects and a failure's reason span them. */
const RESULT_COLUMNS = 8;

/** The queue an item joined, named as the navigation names it. */
const QUEUE_NAMES: Record<string, string> = { payouts: 'Payouts', deposits: 'Captures', terminal: 'Virtual terminal' };

const safeMoney = (amountMinor: number, currency: string) => {
  try {
    return formatMoney(amountMinor, currency);
  } catch {
    return `${amountMinor} (minor units, unknown currency ${currency})`;
  }
};

/** A phone agent takes a new deposit for the caller behind a looked-up item: the terminal's form, filled. */
async function openTerminalFor(tid: number) {
  const error = await terminalActions.prefillFrom(tid);
  if (error) useLookup.setState({ error });
  else navigationActions.go('terminal');
}

export function LookupScreen() {
  const [text, setText] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const { running, progress, rows, error, source } = useLookup();
  const counts = useLookup(useShallow(selectCounts));
  const pastedCount = idsFromText(text).length;
  // The terminal is for those who may open it (as the queues' detail panes offer it: NewSessionForCustomer).
  const mayUseTerminal = useAccess((s) => mayOpen('terminal', s.access));
  // The found items whose Praxis objects are open under their row.
  const [openTids, setOpenTids] = useState<ReadonlySet<number>>(new Set());
  const toggleObjects = (tid: number) =>
    setOpenTids((open) => {
      const next = new Set(open);
      if (!next.delete(tid)) next.add(tid);
      return next;
    });

  const lookUpPasted = () => void lookupActions.run(idsFromText(text), 'pasted list');

  const importCsv = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const { ids, column } = idsFromCsv(await file.text());
    await lookupActions.run(ids, `${file.name} (${column})`);
  };

  return (
    <>
      <ScreenHeader title="Lookup" />
      <section className="panel lookup-input">
        <label htmlFor="lookup-ids">Transaction ids (tid) or order ids — one per line, or separated by commas</label>
        <textarea
          id="lookup-ids"
          rows={5}
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            // Enter starts a new line of ids; Ctrl/Cmd+Enter sends them, as a dialog's note does.
            if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || running) return;
            e.preventDefault();
            lookUpPasted();
          }}
          placeholder={'123456\n123457\norder_1001'}
        />
        <p className="muted key-hint">
          <kbd>Ctrl Enter</kbd> looks them up
        </p>
        <div className="form-actions">
          <BusyButton busy={running} className="primary" onPress={lookUpPasted}>
            Look up {pastedCount > 0 ? `${pastedCount} id${pastedCount === 1 ? '' : 's'}` : ''}
          </BusyButton>
          <BusyButton busy={running} onPress={() => fileInput.current?.click()}>
            Import CSV…
          </BusyButton>
          {/* Drawn and named as "Import CSV…": neither the keyboard nor a screen reader meets this unseen field too. */}
          <input
            ref={fileInput}
            type="file"
            accept=".csv,text/csv,text/plain"
            className="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(e) => void importCsv(e)}
          />
          <span className="muted">
            A CSV uses its tid or order_id column, otherwise the first column. The file is read here; only the ids are
            sent.
          </span>
        </div>
        {progress && <ProgressBar label="Lookup progress" done={progress.done} total={progress.total} />}
        <FormError message={error?.message} />
      </section>

      {rows.length > 0 && (
        <section className="panel">
          <div className="panel-head">
            <h2>Results</h2>
            <span className="muted">
              {source} — {counts.found} found, {counts.failed} not found or failed
            </span>
          </div>
          <table className="grid" aria-label="Lookup results">
            <thead>
              <tr>
                <th>Id</th>
                <th>Type</th>
                <th>Status</th>
                <th className="num">Amount</th>
                <th>Customer</th>
                <th>Created</th>
                <th>Queue or outcome</th>
                <th>Praxis</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) =>
                r.ok ? (
                  <Fragment key={r.id}>
                    <tr>
                      <td className="mono">{r.id}</td>
                      <td>{r.type}</td>
                      <td>
                        <StatusWords status={r.status} type={r.type} />
                      </td>
                      <td className="num mono nowrap">{safeMoney(r.amountMinor, r.currency)}</td>
                      <td>
                        {r.customer ?? <span className="muted">unknown</span>}{' '}
                        {mayUseTerminal && (
                          <button
                            type="button"
                            className="link"
                            aria-label={`New terminal session for the customer of ${r.tid}`}
                            onClick={() => void openTerminalFor(r.tid)}
                          >
                            Terminal…
                          </button>
                        )}
                      </td>
                      <td className="nowrap">{r.createdAt ? instantText(r.createdAt) : ''}</td>
                      <td>
                        {r.queue ? (
                          (QUEUE_NAMES[r.queue] ?? r.queue)
                        ) : r.payouts.length > 0 ? (
                          <span>
                            paid by{' '}
                            {r.payouts
                              .map(
                                (p) =>
                                  `payout ${p.tid} ${safeMoney(p.amountMinor, p.currency)} (${p.status}, ${instantText(p.createdAt)})`,
                              )
                              .join('; ')}
                          </span>
                        ) : (
                          <span className="muted">not queued: {statusText(r.status, statusOf(r.type))}</span>
                        )}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="link"
                          aria-label={`Praxis objects of ${r.tid}`}
                          aria-expanded={openTids.has(r.tid)}
                          aria-controls={openTids.has(r.tid) ? praxisObjectsId(r.tid) : undefined}
                          onClick={() => toggleObjects(r.tid)}
                        >
                          {openTids.has(r.tid) ? 'Hide objects' : 'Objects'}
                        </button>
                      </td>
                    </tr>
                    {openTids.has(r.tid) && <PraxisObjectsRow tid={r.tid} columns={RESULT_COLUMNS} />}
                  </Fragment>
                ) : (
                  <tr key={r.id} className="failed">
                    <td className="mono">{shortId(r.id)}</td>
                    <td colSpan={RESULT_COLUMNS - 1}>
                      <span className="fail-reason">{r.reason}</span>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}

const statusOf = (type: string): StatusOf =>
  type === 'authorization' ? 'hold' : type === 'payout' ? 'other' : 'payment';

/** The status badge in the desk's word, Praxis's own beside it where they differ. */
function StatusWords({ status, type }: { status: string; type: string }) {
  const { word, praxisWord } = statusWords(status, statusOf(type));
  return (
    <>
      <span className={`status status-${status}`}>{word}</span>
      {praxisWord && <span className="muted nowrap"> (Praxis: {praxisWord})</span>}
    </>
  );
}
