/*
 * CSV cells a spreadsheet would run as a formula (OWASP "CSV injection"): a cell that begins with =, +, -, @,
 * a tab or a carriage return gets a leading apostrophe, so Excel, LibreOffice and Sheets show it as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralized if it could start a formula, then quoted if it holds a comma, quote or line break. */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line (CRLF-terminated, as RFC 4180 and spreadsheets expect). */
export const csvLine = (cells: readonly (string | number | null | undefined)[]): string =>
  `${cells.map(csvCell).join(',')}\r\n`;
