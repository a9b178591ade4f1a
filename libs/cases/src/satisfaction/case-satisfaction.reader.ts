import type { EntityManager } from 'typeorm';

/** The citizen's answer to the latest satisfaction question of a case, as the case view shows it. */
export interface CaseSatisfactionView {
  rating: number | null;
  comment: string | null;
  notSolved: boolean;
  askedAt: string;
  answeredAt: string | null;
}

/** The latest question of the case (its latest resolution) and its answer; null when none was asked. */
export async function readCaseSatisfaction(
  manager: EntityManager,
  organizationId: string,
  caseId: string,
): Promise<CaseSatisfactionView | null> {
  const [row] = await manager.query(
    `SELECT rating, comment, not_solved, asked_at, answered_at FROM case_satisfaction
      WHERE organization_id = $1 AND case_id = $2 ORDER BY resolution_count DESC LIMIT 1`,
    [organizationId, caseId],
  );
  if (!row) {
    return null;
  }
  return {
    rating: row.rating,
    comment: row.comment,
    notSolved: row.not_solved,
    askedAt: new Date(row.asked_at).toISOString(),
    answeredAt: row.answered_at ? new Date(row.answered_at).toISOString() : null,
  };
}
