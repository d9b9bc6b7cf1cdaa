import { currencyExponent } from '../../../shared/money';
import { safeAmount, safeMoney } from './money-text';

/** Widest fraction the desk meets: a point and 3 decimals (KWD). */
const FRACTION_WIDTH = 4;

/**
 * An Amount column's least width, in every queue and beside the pane: "KWD 9,999,999.999", "EUR 9,999,999.99 " and
 * "JPY 9,999,999" padded to the same 13 figures are about 124 px (code, gap, number), plus the 16 px padding and 4 to
 * spare for a window that shrinks the columns a little. At 132–136 px such an amount ran into its cell's padding.
 */
export const AMOUNT_COLUMN_WIDTH = 144;

/**
 * An amount for a right-aligned column: the ISO code on the left, the number on the right with its fraction padded
 * by figure spaces to the widest currency's, so decimal points line up across JPY, EUR and KWD rows.
 */
export function AlignedAmount({
  amountMinor,
  currency,
  note,
  label,
}: {
  amountMinor: number;
  currency: string;
  /** A short word before the number ("left" for what remains of an item). */
  note?: string;
  /** Full text for hover and screen readers; the currency and the number by default. */
  label?: string;
}) {
  const text = safeAmount(amountMinor, currency);
  let exp = 2;
  try {
    exp = currencyExponent(currency);
  } catch {
    // Unknown currency: safeAmount already shows raw minor units.
  }
  const pad = '\u2007'.repeat(Math.max(0, FRACTION_WIDTH - (exp ? exp + 1 : 0)));
  return (
    <span className="aligned-amount" title={label}>
      <span className="visually-hidden">{label ?? safeMoney(amountMinor, currency)}</span>
      <span className="amount-currency" aria-hidden="true">
        {currency.toUpperCase()}
      </span>
      {note && (
        <span className="amount-note" aria-hidden="true">
          {note}
        </span>
      )}
      <span className="amount-number mono" aria-hidden="true">
        {text}
        {pad}
      </span>
    </span>
  );
}
