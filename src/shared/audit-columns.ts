import { formatMoney } from './money';
import { answerWords, statusText } from './praxis-words';
import type { AuditRowView } from './audit';

/** The facts an auditor reads from one row, as text: the same on the Audit screen and in the CSV export. */
export interface AuditColumns {
  item: string;
  amount: string;
  reason: string;
  note: string;
  praxisIds: string;
  outcome: string;
  /** The outcome's first words for a narrow column: the result, and whether money moved. */
  outcomeBrief: string;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

const money = (minor: unknown, currency: unknown): string => {
  if (typeof minor !== 'number' || typeof currency !== 'string') return '';
  try {
    return formatMoney(minor, currency);
  } catch {
    return `${minor} minor units of ${currency}`;
  }
};

/** A bulk action's per-currency totals, as the bulk runner stores them ([{currency, totalMinor}]), or a single amount. */
function amountOf(d: Record<string, unknown>): string {
  const single = money(d.amountMinor, d.currency);
  if (single) return single;
  if (!Array.isArray(d.succeeded)) return '';
  return (d.succeeded as unknown[])
    .map((t) =>
      t && typeof t === 'object'
        ? money((t as Record<string, unknown>).totalMinor, (t as Record<string, unknown>).currency)
        : '',
    )
    .filter(Boolean)
    .join('; ');
}

/** A terminal session's `done` is a page opened for the customer: whether they paid is a later row of its own. */
const TERMINAL_OPENED = 'payment page opened — whether the customer paid follows as a “Terminal outcome”';

/** How a terminal session ended (`terminal:outcome`): the Terminal panel's words, cut to what an auditor reads. */
const TERMINAL_OUTCOME_WORDS: Record<string, string> = {
  approved: 'customer paid',
  authorized: 'authorized — the hold is in the capture queue',
  requested: 'withdrawal requested — it is in the payout queue',
  declined: 'declined',
  expired: 'expired — the customer did not pay',
};

function resultOf(action: string, d: Record<string, unknown>): string {
  if (action === 'terminal:open' && d.result === 'done') return TERMINAL_OPENED;
  if (action === 'terminal:outcome') return TERMINAL_OUTCOME_WORDS[text(d.result)] ?? text(d.result);
  return text(d.result);
}

function outcomeOf(action: string, d: Record<string, unknown>): string {
  const of = action.startsWith('captures:') ? 'hold' : 'other';
  const result = resultOf(action, d);
  const parts = [
    result,
    // Second, so a narrow Outcome column still shows it: what an auditor asks first.
    d.moneyMoved === true ? 'money moved' : d.moneyMoved === false ? 'no money moved' : '',
    typeof d.praxisStatus === 'number' ? answerWords(d.praxisStatus) : '',
    text(d.newStatus) && `now ${statusText(text(d.newStatus), of)}`,
    text(d.message),
  ].filter(Boolean);
  if (typeof d.count === 'number')
    parts.unshift(`${d.count} ${d.count === 1 ? 'item' : 'items'}, ${text(d.failedCount) || '0'} failed`);
  return parts.join(' — ');
}

function outcomeBriefOf(action: string, d: Record<string, unknown>): string {
  const parts = [
    resultOf(action, d),
    d.moneyMoved === true ? 'money moved' : d.moneyMoved === false ? 'no money moved' : '',
  ];
  if (typeof d.count === 'number')
    parts.unshift(`${d.count} ${d.count === 1 ? 'item' : 'items'}, ${text(d.failedCount) || '0'} failed`);
  return parts.filter(Boolean).join(' · ');
}

export function auditColumns(row: AuditRowView): AuditColumns {
  const d = row.details;
  // Ids Praxis knows the item by; the desk's own journal id stays in the details.
  const ids = [
    row.itemKind === 'transaction' && row.itemId
      ? `tid ${row.itemId}`
      : typeof d.tid === 'number'
        ? `tid ${d.tid}`
        : '',
    text(d.orderId) && `order ${text(d.orderId)}`,
  ].filter(Boolean);
  return {
    item: row.itemId
      ? row.itemKind && row.itemKind !== 'transaction'
        ? `${row.itemKind} ${row.itemId}`
        : row.itemId
      : '',
    amount: amountOf(d),
    reason: text(d.reasonLabel) || text(d.reasonCode) || text(d.reason),
    note: text(d.note),
    praxisIds: ids.join(', '),
    outcome: outcomeOf(row.action, d),
    outcomeBrief: outcomeBriefOf(row.action, d) || outcomeOf(row.action, d),
  };
}
