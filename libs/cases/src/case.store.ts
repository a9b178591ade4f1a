import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccountScope } from '@civic/auth';
import { Clock } from '@civic/config';
import { CaseStatus } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { caseAccountCondition } from './case-account-condition';
import { CASE_SELECT, CaseView, toCaseView } from './case-view';

/** The raw case row, as locked inside a transaction. */
export interface CaseRow {
  id: string;
  organization_id: string;
  number: number;
  conversation_id: string;
  message_id: string | null;
  contact_id: string | null;
  channel: string;
  category_id: string;
  department_id: string | null;
  assignee_user_id: string | null;
  external_body_id: string | null;
  status: CaseStatus;
  priority: string;
  description: string | null;
  latitude: number | null;
  longitude: number | null;
  location_label: string | null;
  resolution_text: string | null;
  rejection_reason: string | null;
  first_resolved_at: Date | null;
  resolved_at: Date | null;
  resolution_count: number;
}

/** Loading cases: always scoped to the caller's organization and granted accounts; any other case is simply absent (404). */
@Injectable()
export class CaseStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The time "overdue" and "at risk" are judged at (the application's Clock: tests move it). */
  now(): Date {
    return this.clock.now();
  }

  /** A selected row (CASE_SELECT) as the API shows it, judged now. */
  toView(row: Record<string, any>, now = this.now()): CaseView {
    return toCaseView(row, now);
  }

  async lock(manager: EntityManager, scope: AccountScope, id: string): Promise<CaseRow> {
    const params: unknown[] = [scope.organizationId, id];
    const [row] = await manager.query(
      `SELECT * FROM civic_case WHERE organization_id = $1 AND id = $2 AND ${caseAccountCondition(scope, 'channel_account_id', params)} FOR UPDATE`,
      params,
    );
    if (!row) {
      throw new DomainError(ErrorCode.CaseNotFound);
    }
    return row;
  }

  async view(scope: AccountScope, id: string, manager: EntityManager = this.dataSource.manager): Promise<CaseView> {
    const params: unknown[] = [scope.organizationId, id];
    const [row] = await manager.query(
      `${CASE_SELECT} WHERE k.organization_id = $1 AND k.id = $2 AND ${caseAccountCondition(scope, 'k.channel_account_id', params)}`,
      params,
    );
    if (!row) {
      throw new DomainError(ErrorCode.CaseNotFound);
    }
    return this.toView(row);
  }
}
