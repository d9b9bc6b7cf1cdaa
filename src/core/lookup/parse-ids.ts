import Papa from 'papaparse';

/** Column names that hold an id, in the order they are preferred. */
const ID_COLUMNS = ['tid', 'order_id', 'id'];
const HEADER_WORDS = new Set([
  ...ID_COLUMNS,
  'order id',
  'transaction id',
  'transaction_id',
  'withdrawal_request_id',
  'reference',
]);

const unique = (ids: string[]) => [...new Set(ids.map((s) => s.trim()).filter(Boolean))];

/**
 * Ids from pasted text or a CSV export. CSV (a header naming tid / order_id / id, or the same number of
 * columns on every line): that column, else the first; the header row is skipped. Plain text: ids separated
 * by new lines, commas, semicolons, tabs or spaces. Blanks and repeats are dropped; order is kept.
 */
export function parseIdList(text: string): string[] {
  const rows = Papa.parse<string[]>(text.trim(), { skipEmptyLines: 'greedy' }).data.map((r) => r.map((c) => c.trim()));
  if (rows.length === 0) return [];
  const header = rows[0]!.map((c) => c.toLowerCase());
  const named = ID_COLUMNS.map((c) => header.indexOf(c)).find((i) => i >= 0);
  if (named !== undefined) return unique(rows.slice(1).map((r) => r[named] ?? ''));

  const width = rows[0]!.length;
  const tabular = rows.length > 1 && width > 1 && rows.every((r) => r.length === width);
  if (!tabular) return unique(text.split(/[\s,;]+/).filter((t) => !HEADER_WORDS.has(t.toLowerCase())));
  // A first row of words above rows of ids is a header.
  const first = rows[0]![0] ?? '';
  const looksLikeHeader =
    HEADER_WORDS.has(first.toLowerCase()) || (!/\d/.test(first) && rows.slice(1).some((r) => /\d/.test(r[0] ?? '')));
  return unique((looksLikeHeader ? rows.slice(1) : rows).map((r) => r[0] ?? ''));
}
