/**
 * CSV as spreadsheets read it (RFC 4180: CRLF rows, quotes doubled). Text cells that a spreadsheet
 * would take for a formula (=, +, -, @ first) get a leading apostrophe: stage and deal names come
 * from users, and a CSV must not become a way to run formulas on the reader's machine.
 */
export type Cell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * @example
 * toCsv(['a', 'b'], [[1, 'x,y']]) //=> 'a,b\r\n1,"x,y"\r\n'
 */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map(r => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
