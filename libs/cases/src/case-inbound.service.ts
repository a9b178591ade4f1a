import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AccountScope } from '@civic/auth';
import { CaseStatus } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { CaseActor } from './case-actor';
import { CaseNoticeTrigger } from './case-notice.trigger';
import { CasesService } from './cases.service';

/** What an external body may send back about a case forwarded to it. */
export interface BodyUpdate {
  caseId: string;
  status: 'in_progress' | 'resolved' | 'rejected';
  note?: string;
  resolutionText?: string;
  reason?: string;
  externalReference?: string;
}

const ALLOWED = ['in_progress', 'resolved', 'rejected'];

/**
 * Applies a signed update from an external body (the signature is checked by the controller
 * before this runs). A body can only touch cases forwarded to it; a repeated update is a no-op.
 * The citizen is told by the automatic "body update" message (naming the body, the status and its
 * note), in the same transaction, instead of the plain status message; with that message switched
 * off, an officer tells them with POST /api/v1/cases/:id/notify.
 */
@Injectable()
export class CaseInboundService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly notices: CaseNoticeTrigger,
  ) {}

  parse(body: unknown): BodyUpdate {
    const errors: string[] = [];
    const b = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
    if (typeof b.caseId !== 'string' || !isUUID(b.caseId)) {
      errors.push('caseId must be a UUID');
    }
    if (typeof b.status !== 'string' || !ALLOWED.includes(b.status)) {
      errors.push(`status must be one of: ${ALLOWED.join(', ')}`);
    }
    for (const field of ['note', 'resolutionText', 'reason', 'externalReference']) {
      if (b[field] !== undefined && (typeof b[field] !== 'string' || (b[field] as string).length > 4000)) {
        errors.push(`${field} must be a string of at most 4000 characters`);
      }
    }
    if (b.status === 'resolved' && !b.resolutionText && !b.note) {
      errors.push('resolutionText must be given when status is resolved');
    }
    if (b.status === 'rejected' && !b.reason && !b.note) {
      errors.push('reason must be given when status is rejected');
    }
    if (errors.length > 0) {
      throw new DomainError(ErrorCode.ValidationFailed, { errors: errors });
    }
    return b as unknown as BodyUpdate;
  }

  async apply(
    body: { id: string; organizationId: string; name: string },
    update: BodyUpdate,
  ): Promise<{ caseId: string; status: CaseStatus; applied: boolean }> {
    const [row] = await this.dataSource.query(
      `SELECT status FROM civic_case WHERE organization_id = $1 AND id = $2 AND external_body_id = $3`,
      [body.organizationId, update.caseId, body.id],
    );
    if (!row) {
      throw new DomainError(ErrorCode.ForwardedCaseNotFound);
    }
    const target = update.status as CaseStatus;
    if (row.status === target) {
      return { caseId: update.caseId, status: target, applied: false };
    }
    // A body reaches the cases forwarded to it (checked above), whatever their account.
    const actor: CaseActor = {
      organizationId: body.organizationId,
      scope: AccountScope.wholeOrganization(body.organizationId),
      userId: null,
      label: `body:${body.name}`,
    };
    const note =
      [update.note, update.externalReference ? `ref: ${update.externalReference}` : null].filter(Boolean).join(' — ') ||
      null;
    const told = target === CaseStatus.Resolved ? (update.resolutionText ?? update.note!) : null;
    const view = await this.dataSource.transaction(async (manager) => {
      const changed = await this.transition(actor, body, update, target, note, manager);
      await this.notices.bodyUpdate(manager, body.organizationId, update.caseId, {
        body: body.name,
        status: target,
        note: told ?? (target === CaseStatus.Rejected ? (update.reason ?? update.note!) : (update.note ?? null)),
      });
      return changed;
    });
    return { caseId: view.id, status: view.status, applied: true };
  }

  private transition(
    actor: CaseActor,
    body: { name: string },
    update: BodyUpdate,
    target: CaseStatus,
    note: string | null,
    manager: EntityManager,
  ) {
    return this.cases.transition(
      actor,
      update.caseId,
      target,
      note,
      async (_m, current) => {
        if (target === CaseStatus.Resolved) {
          const text = update.resolutionText ?? update.note!;
          return {
            notice: false,
            action: 'resolved',
            sets: {
              resolution_text: text,
              resolved_at: new Date(),
              first_resolved_at: current.first_resolved_at ?? new Date(),
              resolution_count: current.resolution_count + 1,
            },
            before: { resolutionText: current.resolution_text },
            after: { resolutionText: text, by: body.name, externalReference: update.externalReference ?? null },
          };
        }
        if (target === CaseStatus.Rejected) {
          const reason = update.reason ?? update.note!;
          return {
            notice: false,
            action: 'rejected',
            sets: { rejection_reason: reason, rejected_at: new Date() },
            before: {},
            after: { reason, by: body.name },
          };
        }
        return { notice: false, action: 'status', sets: {}, before: {}, after: { by: body.name } };
      },
      manager,
    );
  }
}
