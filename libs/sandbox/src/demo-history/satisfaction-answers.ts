import type { EntityManager } from 'typeorm';

/**
 * The demo's satisfaction (memnuniyet): every resolved case with a conversation was asked a minute
 * after its resolution; about 40% answered within hours, mostly 4-5, some 1-2. No answer says "not
 * solved": a reopening needs its case history and audit event, which the case planner writes.
 * Deterministic (hashes of the case id), one set statement, so seeding stays fast.
 */
export async function writeSatisfactionAnswers(
  manager: EntityManager,
  organizationId: string,
  now: Date,
): Promise<void> {
  await manager.query(
    `WITH asked AS (
       SELECT k.id, k.conversation_id, k.contact_id, k.channel, k.resolution_count,
              k.resolved_at + interval '1 minute' AS asked_at,
              abs(hashtext(k.id::text)) % 100 AS answers, abs(hashtext(k.id::text || ':puan')) % 100 AS pick,
              abs(hashtext(k.id::text || ':saat')) % 600 AS minutes
         FROM civic_case k
        WHERE k.organization_id = $1 AND k.status = 'resolved' AND k.conversation_id IS NOT NULL AND k.resolved_at IS NOT NULL)
     INSERT INTO case_satisfaction (organization_id, case_id, conversation_id, contact_id, channel, resolution_count,
                                    rating, not_solved, asked_at, answered_at)
     SELECT $1, a.id, a.conversation_id, a.contact_id, a.channel, a.resolution_count, r.rating,
            false, a.asked_at, CASE WHEN answered THEN a.asked_at + make_interval(mins => 2 + a.minutes) END
       FROM asked a
       CROSS JOIN LATERAL (SELECT a.answers < 40 AND a.asked_at + make_interval(mins => 2 + a.minutes) < $2 AS answered) w
       CROSS JOIN LATERAL (SELECT CASE WHEN NOT w.answered THEN NULL WHEN a.pick < 48 THEN 5 WHEN a.pick < 78 THEN 4
                                       WHEN a.pick < 88 THEN 3 WHEN a.pick < 94 THEN 2 ELSE 1 END AS rating) r
     ON CONFLICT (organization_id, case_id, resolution_count) DO NOTHING`,
    [organizationId, now],
  );
}
