import { minorToDecimalString } from '../../../../shared/money';
import type { PayoutRow } from '../../../../shared/payouts';
import { displayStatus } from '../../queue/queue-filter';
import type { CsvColumn } from '../../queue/queue-csv';
import { ageMinutes, slaLevel, type SlaThresholds } from '../../stores/payouts-filter';
import { flagName, flagsMostSevereFirst } from './row-format';

/**
 * The payout queue's CSV export (product.md: "no export of the payout list"): what the screen shows of each request
 * and what it hides behind its cells (customer id, full time, the amount left after split parts), amounts in the
 * currency's own decimals as plain numbers a spreadsheet sums.
 */
export function payoutCsvColumns(now: number, sla: SlaThresholds): CsvColumn<PayoutRow>[] {
  return [
    { header: 'tid', cell: (r) => r.tid },
    { header: 'created_at_utc', cell: (r) => r.createdAt },
    { header: 'age_minutes', cell: (r) => Math.floor(ageMinutes(r, now)) },
    { header: 'sla', cell: (r) => slaLevel(r, now, sla) },
    { header: 'cid', cell: (r) => r.cid },
    { header: 'customer_name', cell: (r) => r.customerName },
    { header: 'country', cell: (r) => r.country },
    { header: 'amount', cell: (r) => minorToDecimalString(r.amountMinor, r.currency) },
    { header: 'left_to_pay', cell: (r) => minorToDecimalString(r.remainingMinor, r.currency) },
    { header: 'currency', cell: (r) => r.currency },
    { header: 'payment_method', cell: (r) => r.paymentMethod },
    { header: 'destination', cell: (r) => r.destination },
    { header: 'gateway', cell: (r) => r.gateway },
    { header: 'status', cell: (r) => displayStatus(r) },
    { header: 'risk_flags', cell: (r) => flagsMostSevereFirst(r).map(flagName).join('; ') },
    { header: 'needs_second_approval', cell: (r) => (r.needsSecondApproval ? 'yes' : 'no') },
    { header: 'claimed_by', cell: (r) => r.claimedBy },
  ];
}
