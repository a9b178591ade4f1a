import type { EntityManager } from 'typeorm';

export interface ResolutionProposalView {
  text: string;
  byUserId: string | null;
  /** The proposer's name as it was when proposed. */
  byName: string | null;
  /** The proposer's department (müdürlük), when they still belong to one. */
  departmentName: string | null;
  proposedAt: string;
}

/**
 * The resolution the case's directorate proposed, while it waits for an officer: a proposal older
 * than the case's latest resolution has been dealt with and is not shown.
 */
export async function readResolutionProposal(
  manager: EntityManager,
  organizationId: string,
  caseId: string,
): Promise<ResolutionProposalView | null> {
  const [row] = await manager.query(
    `SELECT k.proposed_resolution_text AS text, k.proposed_resolution_by_user_id AS "byUserId",
            coalesce(u.display_name, k.proposed_resolution_by_label) AS "byName", d.name AS "departmentName",
            k.proposed_resolution_at AS "proposedAt"
       FROM civic_case k
       LEFT JOIN app_user u ON u.id = k.proposed_resolution_by_user_id
       LEFT JOIN department d ON d.id = u.department_id
      WHERE k.organization_id = $1 AND k.id = $2 AND k.proposed_resolution_text IS NOT NULL
        AND k.proposed_resolution_at > coalesce(k.resolved_at, '-infinity'::timestamptz)`,
    [organizationId, caseId],
  );
  return row ? { ...row, proposedAt: new Date(row.proposedAt).toISOString() } : null;
}
