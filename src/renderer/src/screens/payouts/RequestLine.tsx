import type { PayoutRow } from '../../../../shared/payouts';

/** Which request a dialog decides: its tid, customer and destination (a customer may have two of one amount). */
export function RequestLine({ row }: { row: PayoutRow }) {
  return (
    <p aria-label="Request">
      tid <span className="mono">{row.tid}</span> to {row.customerName ?? row.cid ?? 'unknown customer'}{' '}
      <span className="muted">({row.cid ?? 'no cid'})</span> · {row.paymentMethod ?? 'method unknown'}{' '}
      <span className="mono">{row.destination ?? ''}</span>
    </p>
  );
}
