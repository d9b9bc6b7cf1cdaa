/** An amount as the desk writes it: an ISO code, a space, then the number ("GBP 1,200.00", "JPY -50"). */
const AMOUNT = /\b[A-Z]{3} -?[\d,]+(?:\.\d+)?/g;

/**
 * A line of text whose amounts are never folded between their code and their number ("GBP / 200.00" reads as two
 * values); the text itself is unchanged, so it reads and matches as before.
 */
export function WholeAmounts({ text }: { text: string }) {
  const parts: (string | { amount: string })[] = [];
  let at = 0;
  for (const m of text.matchAll(AMOUNT)) {
    if (m.index > at) parts.push(text.slice(at, m.index));
    parts.push({ amount: m[0] });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return (
    <>
      {parts.map((p, i) =>
        typeof p === 'string' ? (
          p
        ) : (
          <span key={i} className="nowrap">
            {p.amount}
          </span>
        ),
      )}
    </>
  );
}
