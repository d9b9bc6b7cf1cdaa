/*
 * CSV cells a spreadsheet would run as a formula (OWASP "CSV injection"): a cell that begins with =, +, -, @,
 * a tab or a carriage return gets a leading apostrophe, so Excel, LibreOffice and Sheets show it as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/**
 * The same after a ;, tab or line break inside a cell: a spreadsheet that splits on ; (Excel in many European
 * locales) does so before it reads quotes, so what follows starts a cell of its own.
 */
const FORMULA_AFTER_SEPARATOR = /([;\t\r\n])([=+\-@])/g;

/** One cell: neutralized if it could start a formula, then quoted if it holds a comma, quote or line break. */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = (FORMULA_START.test(text) ? `'${text}` : text).replace(FORMULA_AFTER_SEPARATOR, "$1'$2");
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line (CRLF-terminated, as RFC 4180 and spreadsheets expect). */
export const csvLine = (cells: readonly (string | number | null | undefined)[]): string =>
  `${cells.map(csvCell).join(',')}\r\n`;
