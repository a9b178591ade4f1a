import type { DataSource } from 'typeorm';

/** Strings the database holds: the data a screen may show besides the catalogue's words. */
export class StoredTexts {
  private constructor(
    private readonly exact: Set<string>,
    private readonly sorted: string[],
  ) {}

  /**
   * Every string value in the application's tables: text and varchar columns, text arrays and the
   * string leaves of jsonb (attachment names, locations). The walk's database is small, so this is
   * one quick query per column.
   */
  static async read(dataSource: DataSource): Promise<StoredTexts> {
    const columns: { table_name: string; column_name: string; data_type: string }[] = await dataSource.query(
      `SELECT c.table_name, c.column_name, c.data_type
         FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
          AND (c.data_type IN ('text', 'character varying', 'jsonb') OR c.udt_name IN ('_text', '_varchar'))`,
    );
    const values = new Set<string>();
    for (const { table_name, column_name, data_type } of columns) {
      const table = `"${table_name}"`;
      const column = `"${column_name}"`;
      const sql =
        data_type === 'jsonb'
          ? `SELECT DISTINCT v #>> '{}' AS value FROM ${table}, jsonb_path_query(${column}, 'strict $.**') AS v
              WHERE jsonb_typeof(v) = 'string'`
          : data_type === 'ARRAY'
            ? `SELECT DISTINCT unnest(${column})::text AS value FROM ${table}`
            : `SELECT DISTINCT ${column}::text AS value FROM ${table} WHERE ${column} IS NOT NULL`;
      for (const { value } of (await dataSource.query(`${sql} LIMIT 20000`)) as { value: string | null }[]) {
        if (value) {
          values.add(value.replace(/\s+/g, ' ').trim());
        }
      }
    }
    return StoredTexts.of([...values]);
  }

  /** A fixed set, for checking the check. */
  static of(values: string[]): StoredTexts {
    return new StoredTexts(new Set(values), values);
  }

  /** The text is stored data, whole or cut short with an ellipsis (a preview). */
  has(text: string): boolean {
    if (this.exact.has(text)) {
      return true;
    }
    const cut = text.endsWith('…') ? text.slice(0, -1).trim() : null;
    return cut !== null && cut.length > 0 && this.sorted.some((value) => value.startsWith(cut));
  }
}
