import { CSV_COLUMNS, ExportedMessage } from './exported-message';

/** UTF-8 byte order mark: Excel only reads UTF-8 CSV (and so Turkish letters) correctly with it. */
export const CSV_BOM = '\uFEFF';

// Cells Excel would evaluate as formulas (CSV injection); prefixed with an apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: unknown, freeText: boolean): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else if (Array.isArray(value)) text = value.map((a) => (a && typeof a === 'object' ? String((a as { type?: unknown }).type ?? '') : String(a))).join(';');
  else text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (freeText && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const FREE_TEXT = new Set<keyof ExportedMessage>(['text', 'contactName', 'contactHandle', 'accountName', 'authorName']);

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

/** One message as one CSV line (CRLF, RFC 4180 quoting). */
export function csvRow(message: ExportedMessage): string {
  return `${CSV_COLUMNS.map((column) => cell(message[column], FREE_TEXT.has(column))).join(',')}\r\n`;
}
