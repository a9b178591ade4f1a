import { randomUUID } from 'node:crypto';
import type { CaseHistoryRow, CaseRow } from './demo-history.types';
import { withoutDiacritics } from './people-and-places';

/** Whether a case (planned to its end) was still open at `at`: only an open case absorbs a duplicate. */
export function openAt(c: CaseRow, at: number): boolean {
  const closed = c.resolved_at ?? c.rejected_at ?? c.merged_at;
  return c.merged_into_case_id === null && (closed === null || Date.parse(closed) > at);
}

export function historyRow(
  row: CaseRow,
  actor: { id: string | null; label: string },
  action: string,
  at: number,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  note: string | null,
): CaseHistoryRow {
  return {
    id: randomUUID(),
    case_id: row.id,
    actor_user_id: actor.id,
    actor_label: actor.label,
    action,
    before,
    after,
    note,
    occurred_at: iso(at),
  };
}

/** A short ASCII name of a body for its made-up integration address ("KASKİ" → "kaski"). */
export function slug(name: string): string {
  const acronym = /\(([^)]+)\)/.exec(name)?.[1] ?? name.split(/\s+/)[0];
  return (
    withoutDiacritics(acronym)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '') || 'kurum'
  );
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
