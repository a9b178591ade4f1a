import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OfficeCalendarService, slaDeadlines } from '@civic/office-hours';
import type { SlaCalendar } from '@civic/office-hours';

/** A category's SLA as the deadlines need it (a case_category row). */
export interface SlaCategory {
  sla_hours: number;
  sla_working_hours: boolean;
}

/** The moments a case is opened at, becomes at risk at and is due at. */
export interface CaseDeadlines {
  openedAt: Date;
  dueAt: Date;
  atRiskAt: Date;
}

/** Clock-hour SLAs never ask the calendar: no read for them. */
const NO_CALENDAR: SlaCalendar = {
  addWorkingHours: () => {
    throw new Error('a clock-hour SLA does not count working hours');
  },
  workingHoursBetween: () => {
    throw new Error('a clock-hour SLA does not count working hours');
  },
};

/**
 * The one place that sets a case's due_at and at_risk_at: the category's SLA from the opening (clock
 * hours, or working hours on the office calendar), capped by a CİMER answer deadline when that is
 * earlier; at risk once 75 % of the time to the due date is gone, measured the same way
 * (`slaDeadlines`, which the demo history also uses for its bulk rows).
 */
@Injectable()
export class CaseDueDatesService {
  constructor(private readonly calendars: OfficeCalendarService) {}

  /**
   * The deadlines of a case about to be inserted in this transaction: opened at the transaction's
   * `now()` (the writer stores it as created_at), so the stored moments agree with each other.
   */
  async forNewCase(
    manager: EntityManager,
    organizationId: string,
    category: SlaCategory,
    answerDueAt: Date | null = null,
  ): Promise<CaseDeadlines> {
    const [{ now }]: { now: Date }[] = await manager.query(`SELECT now() AS now`);
    const openedAt = new Date(now);
    return { openedAt, ...(await this.compute(manager, organizationId, category, openedAt, answerDueAt)) };
  }

  /** Recomputes due_at and at_risk_at of one stored case from its (new) category. */
  async apply(manager: EntityManager, organizationId: string, caseId: string): Promise<CaseDeadlines> {
    const [row]: (SlaCategory & { created_at: Date; answer_due_at: Date | null })[] = await manager.query(
      `SELECT k.created_at, k.answer_due_at, c.sla_hours, c.sla_working_hours
         FROM civic_case k JOIN case_category c ON c.organization_id = k.organization_id AND c.id = k.category_id
        WHERE k.organization_id = $1 AND k.id = $2`,
      [organizationId, caseId],
    );
    const openedAt = new Date(row.created_at);
    const answerDueAt = row.answer_due_at ? new Date(row.answer_due_at) : null;
    const { dueAt, atRiskAt } = await this.compute(manager, organizationId, row, openedAt, answerDueAt);
    await manager.query(`UPDATE civic_case SET due_at = $3, at_risk_at = $4 WHERE organization_id = $1 AND id = $2`, [
      organizationId,
      caseId,
      dueAt,
      atRiskAt,
    ]);
    return { openedAt, dueAt, atRiskAt };
  }

  private async compute(
    manager: EntityManager,
    organizationId: string,
    category: SlaCategory,
    openedAt: Date,
    capAt: Date | null,
  ): Promise<{ dueAt: Date; atRiskAt: Date }> {
    const workingHours = Boolean(category.sla_working_hours);
    const calendar = workingHours ? await this.calendars.calendarOf(organizationId, manager) : NO_CALENDAR;
    return slaDeadlines({ openedAt, slaHours: Number(category.sla_hours), workingHours, capAt }, calendar);
  }
}
