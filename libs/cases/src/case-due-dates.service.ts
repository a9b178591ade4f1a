import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OfficeCalendar } from '@civic/office-hours';

/**
 * A case's due date when its category counts working hours: the SLA's hours are added on the
 * organization's office calendar (nights, lunch, weekends and holidays skipped) from the case's
 * opening. Clock-hour categories keep the plain `created_at + sla_hours` their writers set.
 */
@Injectable()
export class CaseDueDatesService {
  constructor(private readonly calendar: OfficeCalendar) {}

  /** Recomputes due_at of one case from its category; a no-op for clock-hour categories. */
  async apply(manager: EntityManager, organizationId: string, caseId: string): Promise<void> {
    const [row]: { created_at: Date; sla_hours: number; sla_working_hours: boolean }[] = await manager.query(
      `SELECT k.created_at, c.sla_hours, c.sla_working_hours
         FROM civic_case k JOIN case_category c ON c.organization_id = k.organization_id AND c.id = k.category_id
        WHERE k.organization_id = $1 AND k.id = $2`,
      [organizationId, caseId],
    );
    if (!row?.sla_working_hours) {
      return;
    }
    const due = await this.calendar.addWorkingHours(organizationId, row.created_at, row.sla_hours, manager);
    await manager.query(`UPDATE civic_case SET due_at = $3 WHERE organization_id = $1 AND id = $2`, [
      organizationId,
      caseId,
      due,
    ]);
  }
}
