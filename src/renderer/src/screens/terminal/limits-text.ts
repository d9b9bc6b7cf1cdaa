import { minorToDecimalString, parseAmount } from '../../../../shared/money';

/** "EUR 500.00" per line, for the terminal's per-currency deposit limits: the one amount parser reads each. */
export function limitsToText(limits: Record<string, number>): string {
  return Object.entries(limits)
    .map(([currency, minor]) => `${currency} ${minorToDecimalString(minor, currency)}`)
    .join('\n');
}

export function limitsFromText(
  text: string,
): { ok: true; limits: Record<string, number> } | { ok: false; message: string } {
  const limits: Record<string, number> = {};
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^([A-Z]{3})\s+(\S+)$/.exec(line);
    if (!m) return { ok: false, message: `Line ${i + 1}: write a currency code and an amount, e.g. "EUR 500.00".` };
    const parsed = parseAmount(m[2]!, m[1]!);
    if (!parsed.ok) return { ok: false, message: `Line ${i + 1}: ${parsed.message}` };
    limits[m[1]!] = parsed.amountMinor;
  }
  return { ok: true, limits };
}
