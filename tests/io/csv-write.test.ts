import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import fc from 'fast-check';
import { ByteWriter } from '../../src/io/byte-writer';
import { formatCsvCell, writeCsv, writeCsvCell } from '../../src/io/csv-write';
import { mulberry32 } from '../../src/engine/prng';

/** Parses the writer's output with papaparse, an independent RFC 4180 parser. */
const parseBack = (csv: string): string[][] => {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true }).data;
};

describe('writeCsv', () => {
  it('starts with a UTF-8 BOM and ends every line with CRLF', () => {
    const csv = writeCsv(
      ['名称', 'n'],
      [
        ['社区', 1],
        ['b', 2],
      ],
    );
    expect(csv).toBe('\uFEFF名称,n\r\n社区,1\r\nb,2\r\n');
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    const row = ['a,b', 'say "hi"', 'two\nlines', 'cr\rhere', 'plain'];
    const csv = writeCsv(['c1', 'c2', 'c3', 'c4', 'c5'], [row]);
    expect(csv).toContain('"a,b","say ""hi""","two\nlines","cr\rhere",plain');
    expect(parseBack(csv)[1]).toEqual(row);
  });

  it('escapes formula-looking text with an apostrophe but keeps numbers as numbers', () => {
    const cells = ['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', '\tx', '\rx', 'a=b', '１'];
    expect(cells.map(formatCsvCell)).toEqual([`"'=HYPERLINK(""http://x"")"`, "'+1", "'-2", "'@SUM(A1)", "'\tx", `"'\rx"`, 'a=b', '１']);
    expect(formatCsvCell(-2.5)).toBe('-2.5');
    expect(formatCsvCell(0)).toBe('0');
    expect(formatCsvCell(null)).toBe('');
    expect(formatCsvCell(undefined)).toBe('');
  });

  it('round-trips seeded random tables through an independent parser', () => {
    const rand = mulberry32(42);
    const pieces = ['a', '社区', ',', '"', '\n', ' ', '=', '-', '+', '@', 'x', '1'];
    const header = Object.freeze(['name', 'value', 'note']);
    const rows = Array.from({ length: 100 }, () =>
      Object.freeze([
        Array.from({ length: 1 + Math.floor(rand() * 6) }, () => pieces[Math.floor(rand() * pieces.length)]).join(''),
        rand() < 0.2 ? null : Math.round((rand() - 0.5) * 1e6) / 100,
        rand() < 0.5 ? '' : String(Math.floor(rand() * 10)),
      ] as const),
    );
    const parsed = parseBack(writeCsv(header, Object.freeze(rows)));
    expect(parsed[0]).toEqual(header);
    rows.forEach((r, i) => {
      const name = r[0];
      const expectedName = /^[=+\-@\t\r]/.test(name) ? `'${name}` : name;
      expect(parsed[i + 1]).toEqual([expectedName, r[1] === null ? '' : String(r[1]), r[2]]);
      if (r[1] !== null) expect(Number(parsed[i + 1]?.[1])).toBe(r[1]);
    });
  });

  it('throws on a row of the wrong length and on non-finite numbers', () => {
    expect(() => writeCsv(['a', 'b'], [['x']])).toThrow(/row 0 has 1 cells/);
    expect(() => writeCsv(['a'], [[NaN]])).toThrow(/NaN/);
    expect(() => writeCsv(['a'], [[Infinity]])).toThrow(/Infinity/);
  });
});

describe('writeCsvCell', () => {
  it('writes every cell with exactly the bytes of formatCsvCell (formula starts, quotes, commas, line breaks, numbers)', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', 'a', '社', ' ') }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constant(null),
    );
    fc.assert(
      fc.property(cell, (c) => {
        const w = new ByteWriter(4);
        writeCsvCell(w, c);
        expect(new TextDecoder().decode(w.bytes())).toBe(formatCsvCell(c));
      }),
      { numRuns: 3000 },
    );
  });
});
