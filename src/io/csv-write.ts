/**
 * Writing tables as CSV that Excel (including Chinese Excel and WPS) opens correctly and safely:
 * UTF-8 with a byte-order mark (without it Chinese Excel reads UTF-8 as GBK and garbles it), CRLF
 * line ends, RFC 4180 quoting, and formula-injection escaping (OWASP "CSV injection"): a text cell
 * that begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe so a
 * spreadsheet shows it as text instead of running it. Numbers passed as numbers are written as
 * numbers, negative ones included.
 */

import type { ByteWriter } from './byte-writer';

/** A cell: text, a finite number, or null/undefined for an empty cell. */
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Formats one cell: numbers with `String(n)` (shortest round-trip form), text escaped against
 * formula injection and quoted when it holds a comma, quote, CR or LF.
 * @throws on a non-finite number (pass null for "no value")
 */
export function formatCsvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new Error(`formatCsvCell: non-finite number ${cell}; pass null for an empty cell`);
    return String(cell);
  }
  if (typeof cell !== 'string') throw new TypeError(`formatCsvCell: expected string, number or null, got ${typeof cell}`);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes CSV text.
 * @param header column names (escaped like any text cell)
 * @param rows one array per row, each as long as the header
 * @returns the text: `\uFEFF` + header + rows, each line ended by CRLF
 * @throws when a row's length differs from the header's, or on a non-finite number
 */
export function writeCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  const lines = [header.map(formatCsvCell).join(',')];
  rows.forEach((row, i) => {
    if (row.length !== header.length) throw new Error(`writeCsv: row ${i} has ${row.length} cells but the header has ${header.length}`);
    lines.push(row.map(formatCsvCell).join(','));
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** True when text needs {@link formatCsvCell}'s escaping or quoting (a formula start, a quote, comma, CR or LF). */
function needsEscape(text: string): boolean {
  const c0 = text.charCodeAt(0);
  // = + - @ tab CR
  if (c0 === 61 || c0 === 43 || c0 === 45 || c0 === 64 || c0 === 9 || c0 === 13) return true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 44 || c === 13 || c === 10) return true;
  }
  return false;
}

/**
 * Appends one cell to a byte writer exactly as {@link formatCsvCell} formats it (text that needs no
 * escaping is copied as it is, without a string made for it).
 * @throws on a non-finite number (pass null for "no value")
 */
export function writeCsvCell(w: ByteWriter, cell: CsvCell): void {
  if (typeof cell === 'string' && !needsEscape(cell)) w.text(cell);
  else w.text(formatCsvCell(cell));
}
