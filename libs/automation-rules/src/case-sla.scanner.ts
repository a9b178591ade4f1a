import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { describeError } from '@civic/database';
import { OPEN_CASE_STATUSES } from '@civic/domain';
import { AutomationRuleEvent } from './automation-rule-event';
import { CaseRuleEventListener } from './case-rule-event.listener';

export const CASE_SLA_TICK_MS = 60_000;
/** Crossings older than this when first seen are not events (a scanner that was off for a week does not fire on old cases). */
const LOOKBACK = '1 day';
const BATCH = 500;

interface Crossing {
  organization_id: string;
  case_id: string;
  kind: 'at_risk' | 'breached';
  crossed_at: Date;
  status: string;
}

/**
 * "An SLA is at risk or breached": every minute, the open cases (with a conversation) that passed
 * their at-risk time (and are not yet overdue) or their due date are recorded once per crossing in
 * automation_sla_signal, and each new crossing is one case event for the rules, enqueued in the same
 * transaction. A rescan finds nothing new; a new due date is a new crossing. Several workers may
 * run it: the signal's primary key lets only one of them record a crossing.
 */
@Injectable()
export class CaseSlaScanner {
  private readonly logger = new Logger(CaseSlaScanner.name);
  private running = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: CaseRuleEventListener,
  ) {}

  @Interval('automation-case-sla', CASE_SLA_TICK_MS)
  async tick(): Promise<void> {
    if (this.running) {
      return;
    }
    this.running = true;
    try {
      while ((await this.scan()) >= BATCH) {
        // A backlog: go on until it is drained.
      }
    } catch (error) {
      this.logger.warn(`SLA scan: ${describeError(error)}`);
    } finally {
      this.running = false;
    }
  }

  /** One batch of new crossings recorded and enqueued; returns how many crossings it recorded. */
  async scan(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: Crossing[] = await manager.query(
        `WITH crossed AS (
           (SELECT k.organization_id, k.id AS case_id, 'at_risk' AS kind, k.at_risk_at AS crossed_at, k.status
              FROM civic_case k
             WHERE k.status = ANY($1::text[]) AND k.at_risk_at <= now() AND k.at_risk_at > now() - $2::interval
               AND k.due_at > now() AND k.conversation_id IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM automation_sla_signal s WHERE s.organization_id = k.organization_id
                                  AND s.case_id = k.id AND s.kind = 'at_risk' AND s.crossed_at = k.at_risk_at)
             ORDER BY k.at_risk_at LIMIT $3)
           UNION ALL
           (SELECT k.organization_id, k.id, 'breached', k.due_at, k.status
              FROM civic_case k
             WHERE k.status = ANY($1::text[]) AND k.due_at <= now() AND k.due_at > now() - $2::interval
               AND k.conversation_id IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM automation_sla_signal s WHERE s.organization_id = k.organization_id
                                  AND s.case_id = k.id AND s.kind = 'breached' AND s.crossed_at = k.due_at)
             ORDER BY k.due_at LIMIT $3))
         INSERT INTO automation_sla_signal (organization_id, case_id, kind, crossed_at)
         SELECT organization_id, case_id, kind, crossed_at FROM crossed
         ON CONFLICT DO NOTHING
         RETURNING organization_id, case_id, kind, crossed_at,
                   (SELECT k.status FROM civic_case k WHERE k.id = automation_sla_signal.case_id) AS status`,
        [OPEN_CASE_STATUSES, LOOKBACK, BATCH],
      );
      for (const row of rows) {
        const event = row.kind === 'at_risk' ? AutomationRuleEvent.CaseSlaAtRisk : AutomationRuleEvent.CaseSlaBreached;
        await this.events.send(manager, {
          organizationId: row.organization_id,
          caseId: row.case_id,
          event,
          eventKey: `case:${row.case_id}:sla_${row.kind}:${new Date(row.crossed_at).getTime()}`,
          from: null,
          to: row.status,
          depth: 0,
        });
      }
      return rows.length;
    });
  }
}
