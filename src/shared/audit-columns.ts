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

/** A bulk action's per-currency totals ({EUR: 12000}) or a single amount. */
function amountOf(d: Record<string, unknown>): string {
  const single = money(d.amountMinor, d.currency);
  if (single) return single;
  const succeeded = d.succeeded;
  if (succeeded && typeof succeeded === 'object' && !Array.isArray(succeeded))
    return Object.entries(succeeded as Record<string, unknown>)
      .map(([currency, minor]) => money(minor, currency))
      .filter(Boolean)
      .join('; ');
  return '';
}

function outcomeOf(d: Record<string, unknown>): string {
  const parts = [
    text(d.result),
    // Second, so a narrow Outcome column still shows it: what an auditor asks first.
    d.moneyMoved === true ? 'money moved' : d.moneyMoved === false ? 'no money moved' : '',
    typeof d.praxisStatus === 'number' ? answerWords(d.praxisStatus) : '',
    text(d.newStatus) && `now ${statusText(text(d.newStatus))}`,
    text(d.message),
  ].filter(Boolean);
  if (typeof d.count === 'number') parts.unshift(`${d.count} items, ${text(d.failedCount) || '0'} failed`);
  return parts.join(' — ');
}

export function auditColumns(row: AuditRowView): AuditColumns {
  const d = row.details;
  // Ids Praxis knows the item by; the desk's own journal id stays in the details.
  const ids = [
    row.itemKind === 'transaction' && row.itemId ? `tid ${row.itemId}` : '',
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
    outcome: outcomeOf(d),
  };
}
