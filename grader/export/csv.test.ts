import { describe, expect, test } from 'vitest';
import { csvCell, csvDocument } from './csv.ts';

/** A reader of RFC 4180, to check what we write reads back as written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('csv', () => {
  test('quotes commas, quotes and line breaks, and reads back the same', () => {
    const rows = [
      ['student', 'score', 'message'],
      ['ann', 85.5, 'plain'],
      ['bo, jr', 0, 'said "no"\nthen left'],
      ['cy', null, ''],
    ];
    const text = csvDocument(rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual(rows.map((r) => r.map((c) => (c === null ? '' : String(c)))));
  });

  test('text a spreadsheet would run as a formula is defused; numbers are not', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(Number.NaN)).toBe('');
  });

  test('controls are shown, not written, and cannot hide a formula behind them', () => {
    expect(csvCell('\u0000=cmd|"/c calc"!A1')).toBe(`"\\u0000=cmd|""/c calc""!A1"`);
    expect(csvCell('a\u001b]0;t\u0007b\rc')).toBe('ab\\u000Dc');
    expect(csvCell('\u202E@SUM(1)')).toBe('\\u202E@SUM(1)');
    expect(csvCell('@SUM(1)')).toBe("'@SUM(1)");
  });
});
