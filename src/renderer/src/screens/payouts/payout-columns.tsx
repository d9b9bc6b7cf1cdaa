import type { PayoutRow } from '../../../../shared/payouts';
import { ageMinutes, slaLevel, type SlaThresholds } from '../../stores/payouts-filter';
import { statusColumn, tidColumn } from '../../queue/common-columns';
import { AlignedAmount } from '../../queue/AlignedAmount';
import { formatAge } from '../../queue/money-text';
import type { QueueColumn } from '../../queue/QueueTable';
import { FLAG_SEVERITY, FLAG_TEXT, remainingText } from './row-format';

/** The payout queue's columns; beside the detail pane the method and status give way (the pane shows both). */
export function payoutColumns(now: number, sla: SlaThresholds, compact: boolean): QueueColumn<PayoutRow>[] {
  return [
    tidColumn({ sortKey: 'tid', width: 90, compactWidth: 80 }),
    {
      id: 'age',
      header: 'Age',
      cell: ({ row }) => {
        const level = slaLevel(row.original, now, sla);
        return (
          <span
            className={`due due-${level}`}
            title={`Waiting since ${new Date(row.original.createdAt).toLocaleString()} — ${level === 'ok' ? 'within SLA' : level === 'warn' ? `past the ${sla.slaWarnMinutes} min warning` : `past the ${sla.slaLateMinutes} min SLA`}`}
          >
            {formatAge(ageMinutes(row.original, now))}
          </span>
        );
      },
      meta: { sortKey: 'age', width: 100, compactWidth: 100 },
    },
    {
      id: 'customer',
      header: 'Customer',
      cell: ({ row: { original: r } }) => (
        <span
          className="cell-customer"
          title={[r.cid, r.customerName, r.country].filter(Boolean).join(' · ') || undefined}
        >
          <span className="mono">{r.cid ?? '—'}</span>{' '}
          <span>{r.customerName ?? <span className="muted">no name</span>}</span>
          {r.country && <span className="muted"> · {r.country}</span>}
        </span>
      ),
      meta: { sortKey: 'customer', width: 240, compactWidth: 136 },
    },
    {
      id: 'amount',
      header: 'Amount',
      // A split request shows what is left to pay: that is what an approval sends.
      cell: ({ row: { original: r } }) => (
        <AlignedAmount
          amountMinor={r.remainingMinor}
          currency={r.currency}
          note={r.remainingMinor !== r.amountMinor ? 'left' : undefined}
          label={remainingText(r)}
        />
      ),
      meta: { sortKey: 'amount', className: 'num', width: 150, compactWidth: 132 },
    },
    {
      id: 'method',
      header: 'Method · destination',
      cell: ({ row: { original: r } }) => (
        <span>
          {r.paymentMethod ?? <span className="muted">unknown</span>}{' '}
          <span className="mono muted">{r.destination ?? ''}</span>
        </span>
      ),
      meta: { sortKey: 'method', width: 200, hideWhenCompact: true },
    },
    {
      id: 'flags',
      header: 'Risk',
      cell: ({ row: { original: r } }) => {
        // Beside the pane two badges fit; the rest is counted, never cut ("+2" says which on hover).
        const shown = compact ? r.flags.slice(0, r.flags.length > 2 ? 1 : 2) : r.flags;
        const more = r.flags.slice(shown.length);
        return (
          <span className="flags" title={r.flags.map((f) => FLAG_TEXT[f].reason).join('\n') || undefined}>
            {shown.map((f) => (
              <span key={f} className={`flag flag-${FLAG_SEVERITY[f]}`}>
                {FLAG_TEXT[f].badge}
              </span>
            ))}
            {more.length > 0 && (
              <span className="flag flag-more" aria-label={more.map((f) => FLAG_TEXT[f].label).join(', ')}>
                +{more.length}
              </span>
            )}
          </span>
        );
      },
      meta: { width: 150, compactWidth: 116 },
    },
    statusColumn({ sortKey: 'status', width: 140, compactWidth: 120, hideWhenCompact: true }),
  ];
}
