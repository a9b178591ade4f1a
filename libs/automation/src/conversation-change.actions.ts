import { Inject, Injectable, Optional } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ConversationStatus } from '@civic/domain';
import { ConversationActivityRecorder, ConversationsService, ConversationTagBuffer, normalizeTags } from '@civic/inbox';
import type { ActionContext } from './action-context';
import { ActionNotDoneError } from './action-not-done.error';
import { ActionReason } from './action-reason';
import { TeamAssigner } from './team-assigner';

const SPAM_TAG = 'spam';

/** The actions that change the conversation itself: assignee, team, tags, status. */
@Injectable()
export class ConversationChangeActions {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly activity: ConversationActivityRecorder,
    private readonly moduleRef: ModuleRef,
    @Optional() @Inject(TeamAssigner) private readonly teamAssigner?: TeamAssigner,
  ) {}

  async assignOfficer(ctx: ActionContext, userId: string): Promise<void> {
    // Only someone who works the inbox takes a conversation (an auditor or a deactivated user does not).
    const [user] = await ctx.manager.query(
      `SELECT id FROM app_user WHERE organization_id = $1 AND id = $2 AND active AND roles && ARRAY['admin','officer']::text[]`,
      [ctx.organizationId, userId],
    );
    if (!user) {
      throw new ActionNotDoneError('failed', ActionReason.OfficerUnavailable);
    }
    await this.change(ctx, { assigneeId: userId });
  }

  async assignTeam(ctx: ActionContext, teamId: string): Promise<void> {
    const assigner = this.teamAssigner ?? this.lookUp(TeamAssigner);
    if (!assigner) {
      throw new ActionNotDoneError('failed', ActionReason.TeamsUnavailable);
    }
    await assigner.assign(ctx.manager, ctx.organizationId, ctx.conversationId, teamId, {
      actorUserId: ctx.userId,
      origin: ctx.originRef,
    });
  }

  async addTags(ctx: ActionContext, tags: string[]): Promise<void> {
    if (ConversationTagBuffer.isOpen(ctx.manager)) {
      return this.addTagsAtCommit(ctx, tags);
    }
    const current = await this.tags(ctx);
    await this.change(ctx, { tags: [...current, ...tags] });
  }

  /** In a buffering transaction (a rule's): nothing is written until commit, so no savepoint is needed either. */
  private async addTagsAtCommit(ctx: ActionContext, tags: string[]): Promise<void> {
    const current = await ConversationTagBuffer.current(ctx.manager, ctx.organizationId, ctx.conversationId);
    if (!current) {
      throw new ActionNotDoneError('failed', ActionReason.ConversationNotFound);
    }
    const next = normalizeTags([...current, ...tags]);
    if (next.length === current.length) {
      throw new ActionNotDoneError('skipped', ActionReason.NoChange);
    }
    ConversationTagBuffer.add(ctx.manager, ctx.organizationId, ctx.conversationId, tags);
    await this.activity.record(
      ctx.manager,
      { userId: ctx.userId, organizationId: ctx.organizationId },
      [ctx.conversationId],
      [{ type: 'tags', data: { from: current, to: next, origin: ctx.originRef } }],
    );
  }

  async close(ctx: ActionContext): Promise<void> {
    await this.change(ctx, { status: ConversationStatus.Closed });
  }

  /** Tag `spam` and close, as one history entry each. Skipped only when both were already so. */
  async closeAsSpam(ctx: ActionContext): Promise<void> {
    const current = await this.tags(ctx);
    const changed = await this.conversations.applyChanges(
      ctx.manager,
      { userId: ctx.userId, organizationId: ctx.organizationId },
      ctx.conversationId,
      { tags: current.includes(SPAM_TAG) ? current : [...current, SPAM_TAG], status: ConversationStatus.Closed },
      ctx.originRef,
    );
    if (!changed.some((a) => a.type === 'status') && current.includes(SPAM_TAG)) {
      throw new ActionNotDoneError('skipped', ActionReason.NoChange);
    }
  }

  /** The teams module binds TeamAssigner where it is imported; look it up anywhere in the application. */
  lookUp<T>(token: abstract new (...args: never[]) => T): T | undefined {
    try {
      return this.moduleRef.get(token, { strict: false });
    } catch {
      return undefined;
    }
  }

  private async change(ctx: ActionContext, changes: Parameters<ConversationsService['update']>[2]): Promise<void> {
    const activity = await this.conversations.applyChanges(
      ctx.manager,
      { userId: ctx.userId, organizationId: ctx.organizationId },
      ctx.conversationId,
      changes,
      ctx.originRef,
    );
    // Tags are always rewritten; unchanged tags are no change either.
    const real = activity.filter((a) => a.type !== 'tags' || JSON.stringify(a.data.from) !== JSON.stringify(a.data.to));
    if (real.length === 0) {
      throw new ActionNotDoneError('skipped', ActionReason.NoChange);
    }
  }

  private async tags(ctx: ActionContext): Promise<string[]> {
    const [row] = await ctx.manager.query(`SELECT tags FROM conversation WHERE organization_id = $1 AND id = $2`, [
      ctx.organizationId,
      ctx.conversationId,
    ]);
    if (!row) {
      throw new ActionNotDoneError('failed', ActionReason.ConversationNotFound);
    }
    return row.tags;
  }
}
