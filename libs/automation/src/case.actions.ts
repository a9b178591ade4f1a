import { Injectable } from '@nestjs/common';
import { CaseForwardingService, CaseOpeningService, CasesService } from '@civic/cases';
import { CasePriority, OPEN_CASE_STATUSES } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import type { ActionContext } from './action-context';
import { ActionNotDoneError } from './action-not-done.error';
import { ActionReason } from './action-reason';

/**
 * The actions on the conversation's case: open one, forward it to an external body, set its
 * priority. "Priority" is the open case's (cases already carry it, with its filters and SLA
 * statistics); a conversation without an open case skips it with `no_open_case`.
 */
@Injectable()
export class CaseActions {
  constructor(
    private readonly opening: CaseOpeningService,
    private readonly forwarding: CaseForwardingService,
    private readonly cases: CasesService,
  ) {}

  /** Without `categoryKey` the opener applies the learned suggestion at or above the threshold. */
  async open(ctx: ActionContext, categoryKey: string | undefined, departmentId?: string): Promise<void> {
    if (await this.openCaseId(ctx)) {
      throw new ActionNotDoneError('skipped', ActionReason.CaseAlreadyOpen);
    }
    try {
      await this.opening.create(
        ctx.caseActor,
        {
          conversationId: ctx.conversationId,
          ...(ctx.messageId ? { messageId: ctx.messageId } : {}),
          ...(categoryKey !== undefined ? { category: categoryKey } : {}),
          ...(departmentId ? { departmentId } : {}),
        },
        ctx.manager,
      );
    } catch (error) {
      const category = categoryKey === undefined ? ActionReason.NoConfidentSuggestion : ActionReason.UnknownCategory;
      throw refusal(error, departmentId && isAbout(error, 'departmentId') ? ActionReason.UnknownDepartment : category);
    }
  }

  async forward(ctx: ActionContext, externalBodyId: string): Promise<void> {
    const caseId = await this.requireOpenCase(ctx);
    try {
      await this.forwarding.forward(ctx.caseActor, caseId, externalBodyId, undefined, ctx.manager);
    } catch (error) {
      throw refusal(error, ActionReason.UnknownExternalBody);
    }
  }

  async setPriority(ctx: ActionContext, priority: CasePriority): Promise<void> {
    const caseId = await this.requireOpenCase(ctx);
    const [row] = await ctx.manager.query(`SELECT priority FROM civic_case WHERE organization_id = $1 AND id = $2`, [
      ctx.organizationId,
      caseId,
    ]);
    if (row.priority === priority) {
      throw new ActionNotDoneError('skipped', ActionReason.NoChange);
    }
    await this.cases.update(ctx.caseActor, caseId, { priority }, ctx.manager);
  }

  private async requireOpenCase(ctx: ActionContext): Promise<string> {
    const id = await this.openCaseId(ctx);
    if (!id) {
      throw new ActionNotDoneError('skipped', ActionReason.NoOpenCase);
    }
    return id;
  }

  /** The conversation's latest case that is still open (not resolved, rejected or merged). */
  private async openCaseId(ctx: ActionContext): Promise<string | null> {
    const [row] = await ctx.manager.query(
      `SELECT id FROM civic_case WHERE organization_id = $1 AND conversation_id = $2 AND status = ANY($3::text[])
        ORDER BY created_at DESC LIMIT 1`,
      [ctx.organizationId, ctx.conversationId, OPEN_CASE_STATUSES],
    );
    return row?.id ?? null;
  }
}

/** A refused case change as the action's failure; anything else is unexpected and propagates. */
function refusal(error: unknown, invalidValue: ActionReason): unknown {
  if (error instanceof DomainError) {
    if (error.code === ErrorCode.CaseTransitionNotAllowed) {
      return new ActionNotDoneError('failed', ActionReason.CaseTransitionNotAllowed);
    }
    if (error.code === ErrorCode.ValidationFailed) {
      return new ActionNotDoneError('failed', invalidValue);
    }
  }
  return error;
}

function isAbout(error: unknown, field: string): boolean {
  const errors = (error as DomainError).details?.errors;
  return Array.isArray(errors) && errors.some((e) => String(e).startsWith(field));
}
