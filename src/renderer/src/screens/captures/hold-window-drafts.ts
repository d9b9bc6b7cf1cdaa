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

/** Per row, the field that is wrong and why; the rows as the core takes them when nothing is wrong. */
export function rulesFrom(
  drafts: readonly HoldWindowDraft[],
): { ok: true; rules: HoldWindowRule[] } | { ok: false; rowErrors: Record<number, string> } {
  const rowErrors: Record<number, string> = {};
  const taken = new Set(drafts.map((d) => d.key).filter(Boolean));
  const rules: HoldWindowRule[] = [];
  drafts.forEach((d, i) => {
    const parts = [d.days, d.hours, d.minutes].map((t) => t.trim() || '0');
    if (parts.some((t) => !/^\d{1,4}$/.test(t))) {
      rowErrors[i] = 'Days, hours and minutes are whole numbers (0 or more).';
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
  return Object.keys(rowErrors).length ? { ok: false, rowErrors } : { ok: true, rules };
}

/**
 * The core's VALIDATION answer, placed: "holdWindows.2.minutes: …" beside row 3, "holdWindows: …" above the
 * table, anything else under the form.
 */
export function placeSaveErrors(message: string): {
  rowErrors: Record<number, string>;
  table: string | null;
  general: string | null;
} {
  const body = message.replace(/^Invalid input for \S+: /, '');
  const rowErrors: Record<number, string> = {};
  const table: string[] = [];
  const general: string[] = [];
  for (const part of body.split('; ')) {
    const row = /^holdWindows\.(\d+)\.(\w+): (.+)$/s.exec(part);
    const whole = /^holdWindows: (.+)$/s.exec(part);
    if (row) rowErrors[Number(row[1])] = row[3]!;
    else if (whole) table.push(whole[1]!);
    else general.push(part);
  }
  return {
    rowErrors,
    table: table.length ? table.join(' ') : null,
    general: general.length ? general.join('; ') : null,
  };
}
