import type { PayoutRow } from '../../../../shared/payouts';
import { ageMinutes, slaLevel, type SlaThresholds } from '../../stores/payouts-filter';
import { statusColumn, tidColumn } from '../../queue/common-columns';
import { AlignedAmount, AMOUNT_COLUMN_WIDTH } from '../../queue/AlignedAmount';
import { formatAge } from '../../queue/money-text';
import type { QueueColumn } from '../../queue/QueueTable';
import { FLAG_TEXT, flagName, flagsMostSevereFirst, remainingText } from './row-format';
import { instantText } from '../../components/instant-text';

/**
 * The payout queue's columns. Beside the detail pane the method and status give way (the pane shows both); in a
 * scroller too narrow for the rest, the method, then the age, then the tid (the pane's heading shows each): at 1280
 * beside the pane with a claim's status listed, the tid a team names its work by stays. The customer gives way last,
 * and never beside the pane: it says who a row is about. At full width they fit a 1280-pixel window; at 1024 beside
 * the pane, the customer, amount and risk.
 */
export function payoutColumns(now: number, sla: SlaThresholds): QueueColumn<PayoutRow>[] {
  return [
    tidColumn({ sortKey: 'tid', width: 86, compactWidth: 80, givesWay: 3 }),
    {
      id: 'age',
      header: 'Age',
      cell: ({ row }) => {
        const level = slaLevel(row.original, now, sla);
        return (
          <span
            className={`due due-${level}`}
            title={`Waiting since ${instantText(row.original.createdAt)} — ${level === 'ok' ? 'within SLA' : level === 'warn' ? `past the ${sla.slaWarnMinutes} min warning` : `past the ${sla.slaLateMinutes} min SLA`}`}
          >
            {formatAge(ageMinutes(row.original, now))}
          </span>
        );
      },
      meta: { sortKey: 'age', width: 84, compactWidth: 84, givesWay: 2 },
    },
    {
      id: 'customer',
      header: 'Customer',
      cell: ({ row: { original: r } }) => (
        <span
          className="cell-customer"
          title={[r.cid, r.customerName, r.country].filter(Boolean).join(' · ') || undefined}
        >
          {/* The name first, where a person reads; the cid after it, muted (whole on hover and in the pane). */}
          {r.customerName ? (
            <>
              <span>{r.customerName}</span> <span className="mono muted">{r.cid ?? ''}</span>
            </>
          ) : (
            <>
              <span className="mono">{r.cid ?? '—'}</span> <span className="muted">no name</span>
            </>
          )}
          {r.country && <span className="muted"> · {r.country}</span>}
        </span>
      ),
      // Its compact width shows a name's start (whole on hover and in the pane); it takes whatever room the others
      // leave, and beside the pane, short of room (a scrollbar, a window frame), it narrows rather than leaves.
      meta: { sortKey: 'customer', width: 172, compactWidth: 104, givesWay: 4, fills: true, identifiesDownTo: 72 },
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
      meta: { sortKey: 'amount', className: 'num', width: 150, compactWidth: AMOUNT_COLUMN_WIDTH },
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
      meta: { sortKey: 'method', width: 210, hideWhenCompact: true, givesWay: 1 },
    },
    {
      id: 'flags',
      header: 'Risk',
      cell: ({ row: { original: r } }) => {
        // Any two badges fit the column at either of its widths (the widest two, "new dest." and "velocity", take
        // ~126 px); beyond two, one is shown and the rest counted, never cut ("+2" says which on hover).
        // The most severe is drawn; the rest are counted, most severe first.
        const flags = flagsMostSevereFirst(r);
        const shown = flags.slice(0, flags.length > 2 ? 1 : 2);
        const more = flags.slice(shown.length);
        return (
          <span className="flags" title={flags.map((f) => FLAG_TEXT[f.code].reason).join('\n') || undefined}>
            {shown.map((f) => (
              <span key={f.code} className={`flag flag-${f.severity}`} role="img" aria-label={flagName(f)}>
                {FLAG_TEXT[f.code].badge}
              </span>
            ))}
            {more.length > 0 && (
              <span
                className="flag flag-more"
                role="img"
                aria-label={`${more.length} more ${more.length === 1 ? 'flag' : 'flags'}: ${more.map(flagName).join(', ')}`}
              >
                +{more.length}
              </span>
            )}
          </span>
        );
      },
      meta: { width: 150, compactWidth: 140 },
    },
    statusColumn({ sortKey: 'status', width: 140, compactWidth: 120, hideWhenCompact: true }),
  ];
}
