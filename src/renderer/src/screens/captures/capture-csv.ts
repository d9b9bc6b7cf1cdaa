import type { CaptureRow } from '../../../../shared/captures';
import { minorToDecimalString } from '../../../../shared/money';
import { displayStatus } from '../../queue/queue-filter';
import type { CsvColumn } from '../../queue/queue-csv';

/**
 * The capture queue's CSV export, for the auditors and the finance team: each hold with when it lapses and the window
 * that says so, amounts in the currency's own decimals as plain numbers.
 */
export function captureCsvColumns(now: number): CsvColumn<CaptureRow>[] {
  return [
    { header: 'tid', cell: (r) => r.tid },
    { header: 'order_id', cell: (r) => r.orderId },
    { header: 'authorized_at_utc', cell: (r) => r.authorizedAt },
    { header: 'lapses_at_utc', cell: (r) => r.lapsesAt },
    { header: 'minutes_left', cell: (r) => Math.floor((Date.parse(r.lapsesAt) - now) / 60_000) },
    { header: 'hold_window', cell: (r) => r.holdWindow.label },
    { header: 'cid', cell: (r) => r.cid },
    { header: 'customer_name', cell: (r) => r.customerName },
    { header: 'amount', cell: (r) => minorToDecimalString(r.amountMinor, r.currency) },
    { header: 'currency', cell: (r) => r.currency },
    { header: 'payment_method', cell: (r) => r.paymentMethod },
    { header: 'card_type', cell: (r) => r.cardType },
    { header: 'destination', cell: (r) => r.destination },
    { header: 'gateway', cell: (r) => r.gatewayName ?? r.gateway },
    { header: 'status', cell: (r) => displayStatus(r) },
    { header: 'claimed_by', cell: (r) => r.claimedBy },
  ];
}
