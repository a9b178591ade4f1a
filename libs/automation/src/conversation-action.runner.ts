import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccountScope } from '@civic/auth';
import { CASE_FORWARD_QUEUE } from '@civic/cases';
import { AppConfig } from '@civic/config';
import { describeError } from '@civic/database';
import { DomainError, ErrorCode } from '@civic/errors';
import { ConversationActivityRecorder, ConversationHistoryBuffer, ConversationTagBuffer } from '@civic/inbox';
import { QueueService } from '@civic/queue';
import { replySendQueue } from '@civic/replies';
import type { ActionContext } from './action-context';
import { ActionNotDoneError } from './action-not-done.error';
import { ActionReason } from './action-reason';
import { CaseActions } from './case.actions';
import type { ConversationAction } from './conversation-action';
import { ConversationActionKind as K } from './conversation-action';
import type { ActionOutcome, ActionRunRequest } from './conversation-action-runner';
import { ConversationActionRunner } from './conversation-action-runner';
import { ConversationChangeActions } from './conversation-change.actions';
import { MessageActions } from './message.actions';
import { TEAM_MAIL_QUEUE } from './team-mail.queue';
import { TEAM_WEBHOOK_QUEUE } from './team-webhook.queue';

/**
 * Carries out rules' and macros' actions in the caller's transaction, in order. Each action runs
 * under a savepoint: one that fails is undone alone and the next still runs. Every action, done or
 * not, leaves one `automation` entry in the conversation's history and one audit event naming its
 * origin (rule or macro, with its name) and its result; the changes it makes are recorded as usual
 * and carry the origin too.
 *
 * Messages sent here are outbound replies: rules fire on inbound events only, so they never trigger
 * a rule (and each carries `raw.automation` to be told apart).
 */
@Injectable()
export class DefaultConversationActionRunner extends ConversationActionRunner implements OnApplicationBootstrap {
  private readonly logger = new Logger(DefaultConversationActionRunner.name);

  constructor(
    private readonly conversation: ConversationChangeActions,
    private readonly cases: CaseActions,
    private readonly messages: MessageActions,
    private readonly activity: ConversationActivityRecorder,
    private readonly queue: QueueService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  /** The queues actions write to exist before any run: creating one inside a transaction would wait on it (embedded database). */
  async onApplicationBootstrap(): Promise<void> {
    await this.prepare();
  }

  async prepare(): Promise<void> {
    await this.queue.ensureQueue(replySendQueue(this.config.env.REPLY_RETRY_DELAY_SECONDS));
    await this.queue.ensureQueue(CASE_FORWARD_QUEUE);
    await this.queue.ensureQueue(TEAM_MAIL_QUEUE);
    await this.queue.ensureQueue(TEAM_WEBHOOK_QUEUE);
  }

  async run(manager: EntityManager, request: ActionRunRequest): Promise<ActionOutcome[]> {
    if (!manager.queryRunner?.isTransactionActive) {
      return manager.transaction((tx) => this.run(tx, request));
    }
    const ctx = await this.context(manager, request);
    if (request.origin.kind === 'rule') {
      // Rules fire many times in one scanner transaction: their history and audit rows go in together at commit.
      this.activity.buffer(manager);
      ConversationTagBuffer.open(manager);
    }
    const outcomes: ActionOutcome[] = [];
    for (const [index, action] of request.actions.entries()) {
      const savepoint = `automation_action_${index}`;
      const mark = ConversationHistoryBuffer.mark(manager);
      // Tags a rule adds are written at commit (the tag buffer): there is nothing to undo here.
      const writesNow = !(action.kind === K.AddTags && ConversationTagBuffer.isOpen(manager));
      if (writesNow) {
        await manager.query(`SAVEPOINT ${savepoint}`);
      }
      let outcome: ActionOutcome;
      try {
        await this.perform(ctx, action);
        outcome = { kind: action.kind, result: 'done' };
        if (writesNow) {
          await manager.query(`RELEASE SAVEPOINT ${savepoint}`);
        }
      } catch (error) {
        if (writesNow) {
          await manager.query(`ROLLBACK TO SAVEPOINT ${savepoint}`);
        }
        // What the undone action had buffered is undone with it.
        ConversationHistoryBuffer.truncate(manager, mark);
        outcome = { kind: action.kind, result: 'failed', reason: this.reasonOf(error, request, action) };
        if (error instanceof ActionNotDoneError) {
          outcome.result = error.result;
        }
      }
      outcomes.push(outcome);
      await this.activity.record(
        manager,
        { userId: ctx.userId, organizationId: ctx.organizationId },
        [ctx.conversationId],
        [
          {
            type: 'automation',
            data: {
              origin: ctx.originRef,
              // Changes of one transaction share their time: the step keeps their order.
              step: index + 1,
              action: describe(action),
              result: outcome.result,
              ...(outcome.reason ? { reason: outcome.reason } : {}),
            },
          },
        ],
      );
    }
    return outcomes;
  }

  private perform(ctx: ActionContext, action: ConversationAction): Promise<void> {
    switch (action.kind) {
      case K.AssignOfficer:
        return this.conversation.assignOfficer(ctx, action.userId);
      case K.AssignTeam:
        return this.conversation.assignTeam(ctx, action.teamId);
      case K.AddTags:
        return this.conversation.addTags(ctx, action.tags);
      case K.CloseConversation:
        return this.conversation.close(ctx);
      case K.CloseAsSpam:
        return this.conversation.closeAsSpam(ctx);
      case K.OpenCase:
        return this.cases.open(ctx, action.categoryKey, action.departmentId);
      case K.ForwardCase:
        return this.cases.forward(ctx, action.departmentId);
      case K.SetPriority:
        return this.cases.setPriority(ctx, action.priority);
      case K.SendCannedResponse:
        return this.messages.sendCannedResponse(ctx, action.cannedResponseId);
      case K.NotifyTeam:
        return this.messages.notifyTeam(ctx, action.teamId);
      case K.NotifyTeamWebhook:
        return this.messages.notifyTeamWebhook(ctx, action.teamId);
    }
  }

  private async context(manager: EntityManager, request: ActionRunRequest): Promise<ActionContext> {
    const { origin, organizationId } = request;
    const userId = origin.kind === 'macro' ? origin.userId : null;
    let label = 'system';
    if (userId) {
      const [user] = await manager.query(`SELECT email FROM app_user WHERE organization_id = $1 AND id = $2`, [
        organizationId,
        userId,
      ]);
      label = user?.email ?? label;
    }
    return {
      manager,
      organizationId,
      conversationId: request.conversationId,
      messageId: request.messageId,
      origin,
      userId,
      // The caller checked the conversation's access (a rule acts for the organization, a macro's route checks grants).
      caseActor: {
        organizationId,
        scope: AccountScope.wholeOrganization(organizationId),
        userId,
        label,
        // The case events a rule's actions cause carry its depth: rules on them act, and there it ends.
        ...(origin.kind === 'rule' ? { automationDepth: (request.eventDepth ?? 0) + 1 } : {}),
      },
      originRef:
        origin.kind === 'rule'
          ? { kind: 'rule', id: origin.ruleId, name: origin.ruleName }
          : { kind: 'macro', id: origin.macroId, name: origin.macroName },
    };
  }

  private reasonOf(error: unknown, request: ActionRunRequest, action: ConversationAction): string {
    if (error instanceof ActionNotDoneError) {
      return error.reason;
    }
    if (error instanceof DomainError) {
      // A refusal of the service the action used (e.g. `team.not_found` from the teams module): its code, as a reason.
      return error.code === ErrorCode.ValidationFailed ? ActionReason.InvalidValue : error.code.replace(/\./g, '_');
    }
    this.logger.error(
      `${action.kind} on conversation ${request.conversationId} (${request.origin.kind}): ${describeError(error)}`,
    );
    return ActionReason.Unexpected;
  }
}

/** The action as written into history and audit: its kind and value, nothing personal. */
function describe(action: ConversationAction): Record<string, unknown> {
  return { ...action };
}
