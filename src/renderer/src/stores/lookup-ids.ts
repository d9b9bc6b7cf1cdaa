import Papa from 'papaparse';
export { MAX_LOOKUP_IDS } from '../../../shared/lookup';

/** Column names that hold an id in a CRM export, in the order we prefer them. */
const ID_COLUMNS = ['tid', 'order_id', 'transaction_id', 'withdrawal_request_id', 'id'];

const unique = (ids: string[]) => [...new Set(ids.map((s) => s.trim()).filter(Boolean))];

/** Numbers with spaces between them and nothing else: tids typed or pasted on one line. */
const TIDS_ON_ONE_LINE = /^\d+(?:\s+\d+)+$/;

/**
 * Pasted text: ids one per line or separated by commas, as the label says, or tabs (a spreadsheet row's cells). A space
 * may be part of an order_id, so it splits only a run of numbers ("1000095 1000098").
 */
export function idsFromText(text: string): string[] {
  return unique(
    text.split(/[\r\n,\t]+/).flatMap((part) => {
      const trimmed = part.trim();
      return TIDS_ON_ONE_LINE.test(trimmed) ? trimmed.split(/\s+/) : [trimmed];
    }),
  );
}

/** A CSV file: the id column when the header names one, otherwise the first column. */
export function idsFromCsv(text: string): { ids: string[]; column: string } {
  const rows = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data;
  if (rows.length === 0) return { ids: [], column: 'none' };
  const header = rows[0]!.map((h) => h.trim().toLowerCase());
  const named = ID_COLUMNS.map((c) => header.indexOf(c)).find((i) => i >= 0);
  if (named !== undefined) return { ids: unique(rows.slice(1).map((r) => r[named] ?? '')), column: header[named]! };
  // No known header: a first cell that is not id-like is taken as a header and skipped.
  const body = /^[A-Za-z_ ]+$/.test(rows[0]![0] ?? '') && !/\d/.test(rows[0]![0] ?? '') ? rows.slice(1) : rows;
  return { ids: unique(body.map((r) => r[0] ?? '')), column: 'first column' };
}
