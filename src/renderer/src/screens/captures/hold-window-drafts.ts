import type { HoldWindowRule } from '../../../../shared/captures';

/** One row of the hold-window editor as typed: brand and method blank for "any", the window as days + hours + minutes. */
export interface HoldWindowDraft {
  key: string;
  label: string;
  cardType: string;
  paymentMethod: string;
  days: string;
  hours: string;
  minutes: string;
}

export const toDraft = (r: HoldWindowRule): HoldWindowDraft => ({
  key: r.key,
  label: r.label,
  cardType: r.cardType ?? '',
  paymentMethod: r.paymentMethod ?? '',
  days: String(Math.floor(r.minutes / 1440)),
  hours: String(Math.floor((r.minutes % 1440) / 60)),
  minutes: String(r.minutes % 60),
});

export const emptyDraft = (): HoldWindowDraft => ({
  key: '',
  label: '',
  cardType: '',
  paymentMethod: '',
  days: '5',
  hours: '0',
  minutes: '0',
});

/** A key for a new row from what it matches, unique in the table. */
function keyFor(d: HoldWindowDraft, taken: Set<string>): string {
  const base =
    (d.cardType || d.paymentMethod || d.label || 'window')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 30) || 'window';
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}-${i}`;
  return key;
}

/** What of a row a message is about: its window (days, hours and minutes), label, brand or method; null: the row. */
export type HoldWindowPart = 'minutes' | 'label' | 'cardType' | 'paymentMethod';
const PARTS: readonly HoldWindowPart[] = ['minutes', 'label', 'cardType', 'paymentMethod'];

/** The contract's path of a row, or of one part of it: where `fieldErrorsFrom` places a message about it. */
export const holdWindowField = (row: number, part: HoldWindowPart | null = null): string =>
  part ? `holdWindows.${row}.${part}` : `holdWindows.${row}`;

/** Every field of Settings › Captures a VALIDATION answer may be placed at, for a table of `rows` hold windows. */
export function captureSettingsFields(rows: number): string[] {
  const fields = ['holdWindows', 'bulkConcurrency'];
  for (let i = 0; i < rows; i++) fields.push(holdWindowField(i), ...PARTS.map((p) => holdWindowField(i, p)));
  return fields;
}

/** Per row, the field that is wrong and why (keyed as `holdWindowField`); the rows as the core takes them otherwise. */
export function rulesFrom(
  drafts: readonly HoldWindowDraft[],
): { ok: true; rules: HoldWindowRule[] } | { ok: false; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const taken = new Set(drafts.map((d) => d.key).filter(Boolean));
  const rules: HoldWindowRule[] = [];
  drafts.forEach((d, i) => {
    const parts = [d.days, d.hours, d.minutes].map((t) => t.trim() || '0');
    if (parts.some((t) => !/^\d{1,4}$/.test(t))) {
      fields[holdWindowField(i, 'minutes')] = 'Days, hours and minutes are whole numbers (0 or more).';
      return;
    }
    const [days, hours, minutes] = parts.map(Number) as [number, number, number];
    const key = d.key || keyFor(d, taken);
    taken.add(key);
    rules.push({
      key,
      label: d.label.trim(),
      cardType: d.cardType.trim() || null,
      paymentMethod: d.paymentMethod.trim() || null,
      minutes: days * 1440 + hours * 60 + minutes,
    });
  });
  return Object.keys(fields).length ? { ok: false, fields } : { ok: true, rules };
}
