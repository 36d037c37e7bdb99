/**
 * Writing tables as CSV that Excel (including Chinese Excel and WPS) opens correctly and safely:
 * UTF-8 with a byte-order mark (without it Chinese Excel reads UTF-8 as GBK and garbles it), CRLF
 * line ends, RFC 4180 quoting, and formula-injection escaping (OWASP "CSV injection"): a text cell
 * that begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe so a
 * spreadsheet shows it as text instead of running it. Numbers passed as numbers are written as
 * numbers, negative ones included.
 */

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
