// CSV for Excel and WPS: UTF-8 with a BOM (so Chinese is read as UTF-8), CRLF line ends,
// RFC 4180 quoting, and cells neutralised against formula injection (OWASP "CSV Injection").
import { LEDGER_COLUMNS, rowCells } from './columns';
import type { LedgerRow } from './ledger-rows';

export const CSV_BOM = '\uFEFF';

/** Cells starting with these are run as formulas by spreadsheet programs, also after blank or
 * invisible characters a program may skip (spaces, zero-width and direction marks, BOM) and in
 * their full-width forms. */
const DANGEROUS_START = /^[\t\r]|^[\s\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

/** Prefixes a `'` to a cell a spreadsheet would evaluate, so it is shown as text. */
export function neutralizeCell(value: string): string {
  return DANGEROUS_START.test(value) ? `'${value}` : value;
}

/** One field, neutralised and then quoted when it holds a comma, quote, CR or LF. */
export function csvField(value: string): string {
  const safe = neutralizeCell(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Any table as CSV (with BOM, CRLF after every record). */
export function toCsvTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((cells) => cells.map(csvField).join(','));
  return CSV_BOM + lines.map((l) => `${l}\r\n`).join('');
}

/** The ledger as CSV, Chinese header row first. */
export function toCsv(rows: readonly LedgerRow[]): string {
  return toCsvTable(
    LEDGER_COLUMNS.map((c) => c.zh),
    rows.map(rowCells),
  );
}
