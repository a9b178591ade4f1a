import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** The state of a case as a status reply tells it (a merged duplicate answers with the case it joined). */
export interface CaseStatusFound {
  caseId: string;
  caseNumber: string;
  status: string;
  /** The department working on it, or the external body it was forwarded to. */
  unit: string | null;
  updatedAt: Date;
  timeZone: string;
}

/**
 * Whose case is it: a status is told only to the contact the case was filed by, or the contact of
 * a case merged into it (who hears its status messages too). Anyone else, like a number that
 * does not exist, gets null: the answer must not tell the two apart.
 */
@Injectable()
export class CaseStatusLookup {
  async forContact(
    manager: EntityManager,
    organizationId: string,
    contactId: string,
    caseNumber: string,
  ): Promise<CaseStatusFound | null> {
    const [row] = await manager.query(
      `SELECT own.id, own.case_number, s.status, s.updated_at, o.time_zone,
              CASE WHEN s.status = 'forwarded' THEN coalesce(b.name, d.name) ELSE coalesce(d.name, b.name) END AS unit
         FROM civic_case asked
         JOIN organization o ON o.id = asked.organization_id
         -- The writer's own case: the one asked about, or a duplicate of theirs merged into it.
         CROSS JOIN LATERAL (
           SELECT k.id, k.case_number FROM civic_case k
            WHERE k.id = asked.id AND k.contact_id = $3
           UNION ALL
           SELECT k.id, asked.case_number FROM civic_case k
            WHERE k.organization_id = asked.organization_id AND k.merged_into_case_id = asked.id AND k.contact_id = $3
           LIMIT 1) own
         -- A merged duplicate's state is the state of the case it joined.
         JOIN civic_case s ON s.organization_id = asked.organization_id AND s.id = coalesce(asked.merged_into_case_id, asked.id)
         LEFT JOIN department d ON d.id = s.department_id
         LEFT JOIN department b ON b.id = s.external_body_id
        WHERE asked.organization_id = $1 AND asked.case_number = $2`,
      [organizationId, caseNumber, contactId],
    );
    return row
      ? {
          caseId: row.id,
          caseNumber: row.case_number,
          status: row.status,
          unit: row.unit,
          updatedAt: new Date(row.updated_at),
          timeZone: row.time_zone,
        }
      : null;
  }
}
