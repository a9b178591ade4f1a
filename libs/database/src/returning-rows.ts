/**
 * The rows of a statement with RETURNING run through TypeORM's `query`: a SELECT or INSERT answers
 * the rows, an UPDATE or DELETE answers [rows, row count].
 */
export function returningRows<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}
