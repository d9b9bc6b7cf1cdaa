import type { CaptureRow } from '../../../../shared/captures';
import { customerOf, instrumentOf } from './capture-words';

/** Which hold a dialog acts on: its tid, customer and card (a customer may have two holds of one amount). */
export function HoldLine({ row }: { row: CaptureRow }) {
  return (
    <p aria-label="Hold">
      tid <span className="mono">{row.tid}</span> from {customerOf(row)} · {instrumentOf(row)}
      {row.gatewayName && ` · ${row.gatewayName}`}
    </p>
  );
}
