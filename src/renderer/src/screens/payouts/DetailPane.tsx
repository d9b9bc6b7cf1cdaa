import type { PayoutDetail, PayoutRow } from '../../../../shared/payouts';
import type { WireError } from '../../../../shared/errors';
import { payoutsActions } from '../../stores/payouts';
import { CustomerHistorySection } from '../../queue/CustomerHistorySection';
import { DetailFrame } from '../../queue/DetailFrame';
import { safeMoney } from '../../queue/money-text';
import { WholeAmounts } from '../../queue/WholeAmounts';
import { ActionButtons } from './ActionButtons';
import { remainingText } from './row-format';
import { instantText } from '../../components/instant-text';

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
              <span className="risk-severity">{f.severity}</span> <WholeAmounts text={f.reason} />
            </li>
          ))}
        </ul>
      )}
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
      {/* Three columns, the status and gateway sharing one, so the table fits the pane at 1024 pixels. */}
      <table className="grid compact">
        <tbody>
          {detail.parts.map((p) => (
            <tr key={p.tid}>
              <td className="mono">{p.tid}</td>
              <td className="num mono">{safeMoney(p.amountMinor, p.currency)}</td>
              <td>
                {p.status}
                {detail.statusDetails[p.tid] && <span className="muted"> — {detail.statusDetails[p.tid]}</span>}
                {(p.gatewayName ?? p.gateway) && (
                  <span className="muted" title={p.gateway ?? undefined}>
                    {' '}
                    · {p.gatewayName ?? 'gateway not named by Praxis'}
                  </span>
                )}
              </td>
            </tr>
          ))}
          <tr className="remaining">
            <td>remaining request</td>
            <td className="num mono">{safeMoney(row.remainingMinor, row.currency)}</td>
            <td>
              {row.status}{' '}
              <span className="muted">
                <WholeAmounts
                  text={`· parts total ${safeMoney(paid, row.currency)} of ${safeMoney(row.amountMinor, row.currency)}`}
                />
              </span>
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

/** Praxis sends no created_at: the age is the earliest time the desk knows, and the pane says which that is. */
function Age({ row, detail }: { row: PayoutRow; detail: PayoutDetail | null }) {
  const from = detail?.age.from;
  return (
    <span aria-label="Waiting since">
      waiting since {instantText(detail?.age.since ?? row.createdAt)}
      {from && ` (${from === 'notification' ? "Praxis's first notification" : 'first seen by this desk'})`}
    </span>
  );
}

/**
 * A requested payout has no processed amount yet (null from Praxis): the requested amount stands, labelled. Split
 * parts are payouts of their own, so a request paid in parts may still have none: the parts say what was paid.
 */
function ProcessedAmount({ row, detail }: { row: PayoutRow; detail: PayoutDetail }) {
  const p = detail.processed;
  const requested = `${safeMoney(row.amountMinor, row.currency)} requested`;
  return (
    <p className="muted" aria-label="Processed amount">
      <WholeAmounts
        text={
          p !== null
            ? `Praxis processed ${safeMoney(p.amountMinor, p.currency)}`
            : detail.parts.length > 0
              ? `${requested} — paid so far in split parts (below)`
              : `${requested} — Praxis has not processed an amount yet`
        }
      />
    </p>
  );
}

/** A notification's status is not signed: what one claimed shows here until Praxis's own answer confirms it. */
function UnconfirmedChanges({ detail }: { detail: PayoutDetail }) {
  if (detail.unconfirmed.length === 0) return null;
  return (
    <p className="muted" role="status" aria-label="Unconfirmed change">
      {detail.unconfirmed.map((c) => `Praxis notified "${c.status}" at ${instantText(c.notifiedAt)}`).join('; ')} — not
      applied until a signed find-transaction confirms it.
    </p>
  );
}

/** Enter opens, Esc closes: everything needed to decide on one request, in the shared detail frame. */
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
    <DetailFrame
      label={`Request ${row.tid}`}
      tid={row.tid}
      heading={
        <>
          <WholeAmounts text={remainingText(row)} /> <span className="muted">to</span>{' '}
          {row.customerName ?? row.cid ?? 'unknown customer'}
        </>
      }
      summary={
        <>
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
        </>
      }
      actions={<ActionButtons row={row} />}
      noun="request"
      loaded={detail}
      loading={loading}
      error={error}
      onClose={payoutsActions.closeDetail}
      auditDetails={(d) => (detail ? withGatewayNames(d, detail) : d)}
    >
      {detail && (
        <>
          <RiskCard detail={detail} />
          <Parts detail={detail} />
          <CustomerHistorySection history={detail.history} />
        </>
      )}
    </DetailFrame>
  );
}
