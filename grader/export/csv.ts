// CSV as RFC 4180 has it: fields separated by commas, records by CRLF, a
// field quoted when it holds a comma, a quote, CR or LF (quotes doubled).
// Text that a spreadsheet would run as a formula (starting with = + - @,
// a tab or CR) gets a leading apostrophe, since ids come from file names.
// Text is sanitised first (core/sanitiseText.ts): a control cannot hide
// the formula behind it, and the file can be shown in a terminal.
import { sanitiseText } from '../core/sanitiseText.ts';

export type Cell = string | number | null | undefined;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = sanitiseText(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvRecord(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function csvDocument(rows: readonly (readonly Cell[])[]): string {
  return rows.map(csvRecord).join('');
}
