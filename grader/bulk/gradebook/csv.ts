// CSV as RFC 4180 has it: fields separated by commas, records by CRLF, a
// field quoted when it holds a comma, a quote, CR or LF (quotes doubled).
// Text that a spreadsheet would run as a formula (starting with = + - @,
// a tab or CR) gets a leading apostrophe, since ids come from file names.

export type Cell = string | number | null | undefined;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvRecord(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function csvDocument(rows: readonly (readonly Cell[])[]): string {
  return rows.map(csvRecord).join('');
}
