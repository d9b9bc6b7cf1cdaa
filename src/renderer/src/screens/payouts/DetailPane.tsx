import type { PayoutDetail, PayoutRow } from '../../../../shared/payouts';
import type { WireError } from '../../../../shared/errors';
import { payoutsActions } from '../../stores/payouts';
import { ActionButtons } from './ActionButtons';
import { remainingText, safeMoney } from './row-format';
import { FormError } from '../../components/FormError';

const when = (iso: string) => new Date(iso).toLocaleString();

function RiskCard({ detail }: { detail: PayoutDetail }) {
  return (
    <section className="detail-section risk-card" aria-label="Risk">
      <h3>Risk</h3>
      {detail.risk.length === 0 ? (
        <p className="muted">No risk flags: a clean request.</p>
      ) : (
        <ul>
          {detail.risk.map((f) => (
            <li key={f.code} className={`risk-${f.severity}`}>
              <span className="risk-severity">{f.severity}</span> {f.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function History({ detail }: { detail: PayoutDetail }) {
  const h = detail.history;
  return (
    <section className="detail-section" aria-label="Customer history">
      <h3>Customer history</h3>
      {h.totals.length > 0 ? (
        <table className="grid compact">
          <thead>
            <tr>
              <th>Currency</th>
              <th className="num">Deposited</th>
              <th className="num">Withdrawn</th>
            </tr>
          </thead>
          <tbody>
            {h.totals.map((t) => (
              <tr key={t.currency}>
                <td>{t.currency}</td>
                <td className="num mono">{safeMoney(t.depositedMinor, t.currency)}</td>
                <td className="num mono">{safeMoney(t.withdrawnMinor, t.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No deposits or withdrawals from this customer in the store.</p>
      )}
      <details>
        <summary>
          {h.deposits.length} deposit{h.deposits.length === 1 ? '' : 's'}, {h.withdrawals.length} withdrawal
          {h.withdrawals.length === 1 ? '' : 's'}
        </summary>
        <table className="grid compact">
          <tbody>
            {h.deposits.map((d) => (
              <tr key={`d${d.tid}`}>
                <td>deposit</td>
                <td className="mono">{d.tid}</td>
                <td className="num mono">{safeMoney(d.amountMinor, d.currency)}</td>
                <td>{d.status}</td>
                <td className="mono muted">{d.destination ?? ''}</td>
              </tr>
            ))}
            {h.withdrawals.map((w) => (
              <tr key={`w${w.tid}`}>
                <td>withdrawal</td>
                <td className="mono">{w.tid}</td>
                <td className="num mono">{safeMoney(w.amountMinor, w.currency)}</td>
                <td>{w.status}</td>
                <td className="mono muted">{w.destination ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

function Parts({ detail }: { detail: PayoutDetail }) {
  if (detail.parts.length === 0) return null;
  const paid = detail.parts.reduce((sum, p) => sum + p.amountMinor, 0);
  const { row } = detail;
  return (
    <section className="detail-section" aria-label="Split parts">
      <h3>Split parts</h3>
      <table className="grid compact">
        <tbody>
          {detail.parts.map((p) => (
            <tr key={p.tid}>
              <td className="mono">{p.tid}</td>
              <td className="num mono">{safeMoney(p.amountMinor, p.currency)}</td>
              <td>
                {p.status}
                {detail.statusDetails[p.tid] && <span className="muted"> — {detail.statusDetails[p.tid]}</span>}
              </td>
              <td className="muted" title={p.gateway ?? undefined}>
                {p.gatewayName ?? (p.gateway ? 'gateway not named by Praxis' : '')}
              </td>
            </tr>
          ))}
          <tr className="remaining">
            <td>remaining request</td>
            <td className="num mono">{safeMoney(row.remainingMinor, row.currency)}</td>
            <td>{row.status}</td>
            <td className="muted">
              parts total {safeMoney(paid, row.currency)} of {safeMoney(row.amountMinor, row.currency)}
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

/** Audit details name a gateway by the name Praxis gave its payouts, not by its 32-character hash. */
function withGatewayNames(details: Record<string, unknown>, detail: PayoutDetail): Record<string, unknown> {
  if (typeof details.gateway !== 'string') return details;
  const name = detail.parts.find((p) => p.gateway === details.gateway)?.gatewayName;
  return name ? { ...details, gateway: name } : details;
}

function Trail({ detail }: { detail: PayoutDetail }) {
  return (
    <section className="detail-section" aria-label="Journal and audit">
      <h3>Journal</h3>
      {detail.journal.length === 0 ? (
        <p className="muted">No action has been sent for this request.</p>
      ) : (
        <ul className="trail">
          {detail.journal.map((j) => (
            <li key={j.id} className={`journal-${j.state}`}>
              <span className="mono">{when(j.createdAt)}</span> {j.action} by {j.operator}: <strong>{j.state}</strong>
              {j.praxisStatus !== null &&
                ` (Praxis status ${j.praxisStatus}${j.praxisDescription ? `, ${j.praxisDescription}` : ''})`}
              {j.errorCode && ` — ${j.errorCode}`}
              {j.lateAnswer && <div className="late-answer">Late answer: {j.lateAnswer}</div>}
            </li>
          ))}
        </ul>
      )}
      <h3>Audit trail</h3>
      {detail.audit.length === 0 ? (
        <p className="muted">Nothing recorded yet.</p>
      ) : (
        <ul className="trail">
          {detail.audit.map((a) => (
            <li key={a.seq}>
              <span className="mono">{when(a.at)}</span> {a.operator}: {a.action}
              {Object.keys(a.details).length > 0 && (
                <span className="muted mono"> {JSON.stringify(withGatewayNames(a.details, detail))}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Raw({ detail }: { detail: PayoutDetail }) {
  return (
    <section className="detail-section" aria-label="Raw Praxis objects">
      {(['transaction', 'customer', 'session'] as const).map((k) => (
        <details key={k}>
          <summary>Raw {k}</summary>
          {/* Focusable so the keyboard can scroll a long object (WCAG 2.1.1). */}
          <pre className="raw-json" tabIndex={0} role="region" aria-label={`Raw ${k} JSON`}>
            {detail.raw[k] === null || detail.raw[k] === undefined
              ? 'not received'
              : JSON.stringify(detail.raw[k], null, 2)}
          </pre>
        </details>
      ))}
    </section>
  );
}

/** Praxis sends no created_at: the age is the earliest time the desk knows, and the pane says which that is. */
function Age({ row, detail }: { row: PayoutRow; detail: PayoutDetail | null }) {
  const from = detail?.age.from;
  return (
    <span aria-label="Waiting since">
      waiting since {when(detail?.age.since ?? row.createdAt)}
      {from && ` (${from === 'notification' ? "Praxis's first notification" : 'first seen by this desk'})`}
    </span>
  );
}

/** A requested payout has no processed amount yet (null from Praxis): the requested amount stands, labelled. */
function ProcessedAmount({ row, detail }: { row: PayoutRow; detail: PayoutDetail }) {
  const p = detail.processed;
  return (
    <p className="muted" aria-label="Processed amount">
      {p === null
        ? `${safeMoney(row.amountMinor, row.currency)} requested — Praxis has not processed an amount yet`
        : `Praxis processed ${safeMoney(p.amountMinor, p.currency)}`}
    </p>
  );
}

/** A notification's status is not signed: what one claimed shows here until Praxis's own answer confirms it. */
function UnconfirmedChanges({ detail }: { detail: PayoutDetail }) {
  if (detail.unconfirmed.length === 0) return null;
  return (
    <p className="muted" role="status" aria-label="Unconfirmed change">
      {detail.unconfirmed.map((c) => `Praxis notified "${c.status}" at ${when(c.notifiedAt)}`).join('; ')} — not applied
      until a signed find-transaction confirms it.
    </p>
  );
}

/** Enter opens, Esc closes: everything needed to decide on one request. */
export function DetailPane({
  row,
  detail,
  loading,
  error,
}: {
  row: PayoutRow;
  detail: PayoutDetail | null;
  loading: boolean;
  error: WireError | null;
}) {
  return (
    <aside className="detail-pane" aria-label={`Request ${row.tid}`}>
      <header className="detail-head">
        <div>
          <h2>
            {remainingText(row)} <span className="muted">to</span> {row.customerName ?? row.cid ?? 'unknown customer'}
          </h2>
          <p className="muted">
            tid <span className="mono">{row.tid}</span> · {row.paymentMethod ?? 'method unknown'}{' '}
            <span className="mono">{row.destination ?? ''}</span> · <Age row={row} detail={detail} />
          </p>
          {detail && <ProcessedAmount row={row} detail={detail} />}
          {detail && <UnconfirmedChanges detail={detail} />}
          {detail?.statusDetails[row.tid] && (
            <p role="note" aria-label="Praxis status details">
              Praxis says: {detail.statusDetails[row.tid]}
            </p>
          )}
        </div>
        <button type="button" onClick={payoutsActions.closeDetail} aria-label="Close detail">
          Close <kbd>Esc</kbd>
        </button>
      </header>
      <ActionButtons row={row} />
      <FormError message={error?.message} />
      {!detail && loading && <p className="muted">Loading the request…</p>}
      {detail && (
        <>
          <RiskCard detail={detail} />
          <Parts detail={detail} />
          <History detail={detail} />
          <Trail detail={detail} />
          <Raw detail={detail} />
        </>
      )}
    </aside>
  );
}
