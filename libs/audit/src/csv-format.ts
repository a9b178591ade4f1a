import { CSV_COLUMNS } from './exported-message';

/** UTF-8 byte order mark: Excel only reads UTF-8 CSV (and so Turkish letters) correctly with it. */
export const CSV_BOM = '\uFEFF';

/** The header line of messages.csv; the rows are built by PostgreSQL (see csvLineSql in export-sql.ts). */
export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}
