import type { EntityManager } from 'typeorm';
import type { AuditService } from './audit.service';
import type { RetentionAnonymizer } from './retention-anonymizer';
import { ERASED_TEXT } from './retention-anonymizer';

/**
 * Cases recorded by hand (phone, walk-in, e-mail, CİMER) have no conversation for retention to
 * follow: once finished and idle for the retention period, a case loses the citizen's name, phone,
 * e-mail and words (as a social case does with its conversation), and the e-mails sent to the
 * citizen about it are deleted. Returns how many cases and which media the case referenced.
 */
export async function anonymizeIdleManualCases(
  manager: EntityManager,
  deps: { anonymizer: RetentionAnonymizer; audit: AuditService },
  organizationId: string,
  cutoff: Date,
  retentionDays: number,
): Promise<{ cases: number; media: string[] }> {
  const rows: { id: string }[] = await manager.query(
    `SELECT k.id FROM civic_case k
      WHERE k.organization_id = $1 AND k.conversation_id IS NULL AND k.status IN ('resolved', 'rejected', 'merged')
        AND k.updated_at < $2
        AND (k.citizen_name IS NOT NULL OR k.citizen_phone IS NOT NULL OR k.citizen_email IS NOT NULL
             OR (k.description IS NOT NULL AND k.description <> $3))
      ORDER BY k.updated_at, k.id LIMIT 500 FOR UPDATE OF k SKIP LOCKED`,
    [organizationId, cutoff, ERASED_TEXT],
  );
  if (rows.length === 0) {
    return { cases: 0, media: [] };
  }
  const ids = rows.map((r) => r.id);
  const { media, ...counts } = await deps.anonymizer.anonymizeRecords(manager, {
    caseWhere: 'k.id = ANY($1::uuid[])',
    caseParams: [ids],
    conversationIds: [],
    mentionWhere: 'FALSE',
    mentionParams: [],
  });
  await manager.query(`DELETE FROM case_citizen_mail WHERE organization_id = $1 AND case_id = ANY($2::uuid[])`, [
    organizationId,
    ids,
  ]);
  await deps.audit.record(
    {
      organizationId,
      actorUserId: null,
      actorLabel: 'system',
      action: 'retention.anonymized',
      targetType: 'organization',
      targetId: organizationId,
      after: { ...counts, manualCases: ids.length, retentionDays, cutoff: cutoff.toISOString() },
    },
    manager,
  );
  return { cases: ids.length, media };
}
