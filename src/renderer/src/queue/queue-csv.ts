import { csvLine } from '../../../shared/csv-cell';

/** One column of a queue's CSV export: its header and the cell of a row. */
export interface CsvColumn<Row> {
  header: string;
  cell(row: Row): string | number | null;
}

/**
 * The rows as a CSV file, in the order given (the screen's filter and sort): a header line, then one line per row;
 * cells that a spreadsheet would run as a formula are neutralized (shared/csv-cell.ts).
 */
export function queueCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = [csvLine(columns.map((c) => c.header))];
  for (const row of rows) lines.push(csvLine(columns.map((c) => c.cell(row))));
  return lines.join('');
}

/** The export's file name: the queue's name and the local date and time, so two exports of a day do not collide. */
export function csvFileName(stem: string, at = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${stem}-${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}.csv`;
}
