import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  CaseOpen311Details,
  CasePriority,
  CaseSource,
  CaseStatus,
  DepartmentKind,
  MANUAL_CASE_SOURCES,
} from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { CaseActor } from '../case-actor';
import { CaseCategoriesService } from '../case-categories.service';
import { CaseDueDatesService } from '../case-due-dates.service';
import { CaseHistoryRecorder } from '../case-history.recorder';
import { CaseView } from '../case-view';
import { CaseStore } from '../case.store';
import { DepartmentsService } from '../departments.service';
import { CaseIntakeSettingsService } from './case-intake-settings.service';
import { CimerDeadlineCalculator } from './cimer-deadline.calculator';
import { normalizePhone } from './citizen-phone';
import { ManualCaseInput } from './manual-case-input';
import { ManualCaseNoticeSender } from './manual-case-notice.sender';

const invalid = (...errors: string[]) => new DomainError(ErrorCode.ValidationFailed, { errors });

/**
 * Recording a request that did not come through a connected channel: a phone call, a visit, an
 * e-mail, a CİMER application. The case has no conversation; the citizen's details and consent are
 * kept on it, and a CİMER application's answer deadline (in working days) becomes its due date when
 * it is earlier than the category's SLA (CaseDueDatesService), so "at risk" and "overdue" follow it.
 */
@Injectable()
export class ManualCaseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: CaseStore,
    private readonly categories: CaseCategoriesService,
    private readonly departments: DepartmentsService,
    private readonly history: CaseHistoryRecorder,
    private readonly settings: CaseIntakeSettingsService,
    private readonly deadlines: CimerDeadlineCalculator,
    private readonly notices: ManualCaseNoticeSender,
    private readonly dueDates: CaseDueDatesService,
  ) {}

  async create(actor: CaseActor, input: ManualCaseInput): Promise<CaseView> {
    if (!MANUAL_CASE_SOURCES.includes(input.source)) {
      throw invalid(`source must be one of: ${MANUAL_CASE_SOURCES.join(', ')}`);
    }
    return this.open(actor, input, null);
  }

  /**
   * A request a city app or web form filed through Open311 (the client is the actor): the same
   * intake as a case recorded by hand, so routing by category, due dates, history, the audit trail,
   * statistics by source and the citizen's acknowledgement all work alike.
   */
  async createFromOpen311(
    actor: CaseActor,
    input: Omit<ManualCaseInput, 'source' | 'cimer'>,
    details: CaseOpen311Details,
  ): Promise<CaseView> {
    return this.open(actor, { ...input, source: CaseSource.Open311 }, details);
  }

  private async open(actor: CaseActor, input: ManualCaseInput, open311: CaseOpen311Details | null): Promise<CaseView> {
    const citizen = this.citizen(input);
    const cimer = this.cimer(input);
    const id = await this.dataSource.transaction(async (manager) => {
      const category = await this.categories.resolve(manager, actor.organizationId, input.category);
      const departmentId = await this.department(manager, actor.organizationId, input.departmentId, category);
      let answerDueAt: Date | null = null;
      if (cimer) {
        await this.assertNewApplication(manager, actor.organizationId, cimer.applicationNumber);
        const days = (await this.settings.get(actor.organizationId, manager)).cimerAnswerWorkingDays;
        answerDueAt = await this.deadlines.deadline(manager, actor.organizationId, cimer.applicationDate, days);
      }
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('case-number:' || $1))`, [actor.organizationId]);
      const [{ next }] = await manager.query(
        `SELECT coalesce(max(number), 0) + 1 AS next FROM civic_case WHERE organization_id = $1`,
        [actor.organizationId],
      );
      const status = departmentId ? CaseStatus.Assigned : CaseStatus.New;
      const deadlines = await this.dueDates.forNewCase(manager, actor.organizationId, category, answerDueAt);
      const [row] = await manager.query(
        `INSERT INTO civic_case (organization_id, number, source, category_id, department_id, description, priority, status,
                                 latitude, longitude, location_label, created_at, due_at, at_risk_at, created_by_user_id,
                                 citizen_name, citizen_phone, citizen_email, contact_consent, contact_consent_at,
                                 cimer_application_number, cimer_application_date, answer_due_at, open311)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $21, $22, $13,
                 $14, $15, $16, $17, CASE WHEN $17 THEN now() END, $18, $20::date, $19::timestamptz, $23::jsonb)
         RETURNING id`,
        [
          actor.organizationId,
          next,
          input.source,
          category.id,
          departmentId,
          input.description.trim(),
          input.priority ?? CasePriority.Normal,
          status,
          input.location?.latitude ?? null,
          input.location?.longitude ?? null,
          input.location?.label ?? null,
          deadlines.openedAt,
          actor.userId,
          citizen.name,
          citizen.phone,
          citizen.email,
          citizen.consent,
          cimer?.applicationNumber ?? null,
          answerDueAt,
          cimer?.applicationDate ?? null,
          deadlines.dueAt,
          deadlines.atRiskAt,
          open311 ? JSON.stringify(open311) : null,
        ],
      );
      const view = await this.store.view(actor.scope, row.id, manager);
      await this.history.record(manager, actor, row.id, {
        action: 'created',
        after: {
          caseNumber: view.caseNumber,
          source: input.source,
          status,
          category: category.code,
          departmentId,
          priority: view.priority,
          location: view.location,
          dueAt: view.dueAt,
          cimer: view.cimer,
          consent: citizen.consent,
          ...(open311 ? { open311: { clientId: open311.clientId, clientName: open311.clientName } } : {}),
        },
      });
      await this.notices.acknowledge(manager, actor, view);
      return row.id as string;
    });
    return this.store.view(actor.scope, id);
  }

  private citizen(input: ManualCaseInput) {
    if (!input.description?.trim()) {
      throw invalid('description must not be empty');
    }
    const given = input.citizen ?? {};
    const name = given.name?.trim() || null;
    let phone: string | null = null;
    if (given.phone?.trim()) {
      phone = normalizePhone(given.phone);
      if (!phone) {
        throw invalid('citizen.phone must be a phone number such as 0532 123 45 67 or +90 532 123 45 67');
      }
    }
    const email = given.email?.trim().toLowerCase() || null;
    const consent = given.consent === true;
    if (consent && !phone && !email) {
      throw invalid('citizen.consent needs a phone number or an e-mail address to tell the citizen on');
    }
    return { name, phone, email, consent };
  }

  private cimer(input: ManualCaseInput) {
    if (input.source !== CaseSource.Cimer) {
      if (input.cimer) {
        throw invalid('cimer is only for a case whose source is cimer');
      }
      return null;
    }
    const applicationNumber = input.cimer?.applicationNumber?.trim();
    if (!applicationNumber) {
      throw invalid('cimer.applicationNumber is required when the source is cimer');
    }
    const applicationDate = input.cimer?.applicationDate;
    if (!applicationDate || !/^\d{4}-\d{2}-\d{2}$/.test(applicationDate) || isNaN(Date.parse(applicationDate))) {
      throw invalid('cimer.applicationDate is required when the source is cimer, as YYYY-MM-DD');
    }
    // A day ahead of UTC's date: an application made this morning in Türkiye may still be "tomorrow" in UTC terms.
    if (Date.parse(applicationDate) > Date.now() + 86_400_000) {
      throw invalid('cimer.applicationDate must not be in the future');
    }
    return { applicationNumber, applicationDate };
  }

  private async department(
    manager: EntityManager,
    organizationId: string,
    departmentId: string | undefined,
    category: { department_id: string | null },
  ): Promise<string | null> {
    if (departmentId) {
      return (
        await this.departments.requireActive(
          manager,
          organizationId,
          departmentId,
          DepartmentKind.Department,
          'departmentId',
        )
      ).id;
    }
    if (!category.department_id) {
      return null;
    }
    const [owner] = await manager.query(`SELECT id FROM department WHERE id = $1 AND active AND kind = $2`, [
      category.department_id,
      DepartmentKind.Department,
    ]);
    return owner?.id ?? null;
  }

  private async assertNewApplication(manager: EntityManager, organizationId: string, applicationNumber: string) {
    const [existing] = await manager.query(
      `SELECT id FROM civic_case WHERE organization_id = $1 AND cimer_application_number = $2 AND status <> 'merged'`,
      [organizationId, applicationNumber],
    );
    if (existing) {
      throw new DomainError(ErrorCode.Conflict, {
        field: 'cimer.applicationNumber',
        reason: 'a case with this CİMER application number exists',
        caseId: existing.id,
      });
    }
  }
}
