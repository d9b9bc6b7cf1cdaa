import type { CaptureRow } from '../../../../shared/captures';
import { statusColumn, tidColumn } from '../../queue/common-columns';
import { AlignedAmount, AMOUNT_COLUMN_WIDTH } from '../../queue/AlignedAmount';
import { formatAge } from '../../queue/money-text';
import type { QueueColumn } from '../../queue/QueueTable';
import { HoldCountdown } from './HoldCountdown';
import { customerOf, instrumentOf } from './capture-words';
import { instantText } from '../../components/instant-text';

const minutesSince = (iso: string, now: number) => Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));

/**
 * Wide enough for the longest brand and masked number the sandbox (and Praxis) writes: "MasterCard 555555******1234"
 * (a 10-letter brand, BIN, six stars, last four) is 201 px in DejaVu Sans 13 px, Linux's system-ui and the widest of
 * the usual ones, plus the cell's 16 px padding. At 150 px every brand was cut off. In a 1280-pixel window the order id
 * then fits once the gateway has given way.
 */
const CARD_WIDTH = 218;

/**
 * The capture queue's columns. Beside the detail pane the card, gateway, order id and status give way (the pane shows
 * them); in a scroller too narrow for the rest, the gateway, order id, card, tid, then the age (the pane shows each).
 * The order id outlasts the gateway: it is the merchant's own reference, what a person looks for in the list. The
 * customer gives way last, and never beside the pane: it says who a hold is about. At 1024 pixels beside the pane:
 * time left, customer, amount.
 */
export function captureColumns(now: number): QueueColumn<CaptureRow>[] {
  return [
    {
      id: 'timeLeft',
      header: 'Time left',
      cell: ({ row }) => <HoldCountdown row={row.original} now={now} />,
      meta: { sortKey: 'timeLeft', width: 96, compactWidth: 96 },
    },
    tidColumn({ sortKey: 'tid', width: 84, compactWidth: 80, givesWay: 4 }),
    {
      id: 'customer',
      header: 'Customer',
      cell: ({ row: { original: r } }) => (
        <span className="cell-customer" title={[r.cid, r.customerName].filter(Boolean).join(' · ') || undefined}>
          {customerOf(r)}
        </span>
      ),
      // Beside the pane, short of room (a scrollbar, a window frame), it narrows rather than leaves.
      meta: { sortKey: 'customer', width: 150, compactWidth: 150, givesWay: 6, identifiesDownTo: 96 },
    },
    {
      id: 'amount',
      header: 'Amount',
      cell: ({ row: { original: r } }) => <AlignedAmount amountMinor={r.amountMinor} currency={r.currency} />,
      meta: { sortKey: 'amount', className: 'num', width: AMOUNT_COLUMN_WIDTH, compactWidth: AMOUNT_COLUMN_WIDTH },
    },
    {
      id: 'card',
      header: 'Card · wallet',
      cell: ({ row: { original: r } }) => <span className="cell-instrument">{instrumentOf(r)}</span>,
      meta: { sortKey: 'card', width: CARD_WIDTH, hideWhenCompact: true, givesWay: 3 },
    },
    {
      id: 'gateway',
      header: 'Gateway',
      cell: ({ row: { original: r } }) => (
        <span title={r.gateway ?? undefined}>{r.gatewayName ?? <span className="muted">not named</span>}</span>
      ),
      meta: { sortKey: 'gateway', width: 110, hideWhenCompact: true, givesWay: 1 },
    },
    {
      id: 'orderId',
      header: 'Order id',
      // Cut to the column with an ellipsis, an id keeps its whole text on hover (Praxis allows 50 characters).
      cell: ({ row: { original: r } }) => (
        <span className="mono" title={r.orderId ?? undefined}>
          {r.orderId ?? '—'}
        </span>
      ),
      meta: { sortKey: 'orderId', width: 110, hideWhenCompact: true, givesWay: 2 },
    },
    {
      id: 'age',
      header: 'Age',
      cell: ({ row: { original: r } }) => (
        <span title={`Authorized ${instantText(r.authorizedAt)}`}>{formatAge(minutesSince(r.authorizedAt, now))}</span>
      ),
      // Wide enough for a hold almost a day old ("23 h 59 m").
      meta: { sortKey: 'age', width: 84, compactWidth: 84, givesWay: 5 },
    },
    statusColumn({ width: 96, hideWhenCompact: true }),
  ];
}
