import type { PayoutRow } from '../../../../shared/payouts';
import { FLAG_TEXT } from './row-format';

/** The request's risk flags on one line, in front of whoever decides to pay it (approve or split). */
export function RiskLine({ row }: { row: PayoutRow }) {
  return (
    <p className={row.flags.length ? 'risk-line risk-some' : 'risk-line'} aria-label="Risk flags">
      {row.flags.length ? `Risk: ${row.flags.map((f) => FLAG_TEXT[f].label).join(' · ')}` : 'Risk: no flags'}
    </p>
  );
}
