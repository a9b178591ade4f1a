import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ReplyRefusedError } from '@civic/channels-core';
import { AppConfig } from '@civic/config';
import { CannedResponsesService } from '@civic/inbox';
import { MailService } from '@civic/mail';
import { MessageReadingBuffer } from '@civic/message-readings';
import { QueueService } from '@civic/queue';
import { ReplyDraftService, ReplyService } from '@civic/replies';
import type { ActionContext } from './action-context';
import { ActionNotDoneError } from './action-not-done.error';
import { ActionReason } from './action-reason';
import { TeamDirectory } from './team-directory';
import { TEAM_MAIL_QUEUE, TeamMailJob } from './team-mail.queue';
import { addressesByLanguage, TEAM_MAIL_TEXTS } from './team-mail.texts';
import { TEAM_WEBHOOK_QUEUE } from './team-webhook.queue';
import type { TeamWebhookBody, TeamWebhookJob } from './team-webhook.queue';

/** The actions that send something: a canned reply to the citizen, an e-mail or a webhook post to a team. */
@Injectable()
export class MessageActions {
  constructor(
    private readonly canned: CannedResponsesService,
    private readonly replies: ReplyService,
    private readonly drafts: ReplyDraftService,
    private readonly mail: MailService,
    private readonly queue: QueueService,
    private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
    @Optional() @Inject(TeamDirectory) private readonly teamDirectory?: TeamDirectory,
  ) {}

  /**
   * Renders the canned response in this transaction ({{caseNumber}} of a case opened a step before)
   * and queues it through the reply outbox with the channel's rules. A rule sends as the system, a
   * macro as its officer (whose personal canned responses it may use). The message is outbound and
   * marked `automation`, so it never triggers a rule (rules fire on inbound events only).
   */
  async sendCannedResponse(ctx: ActionContext, cannedResponseId: string): Promise<void> {
    const rendered = await this.canned.renderFor(
      ctx.manager,
      ctx.organizationId,
      cannedResponseId,
      ctx.userId,
      ctx.conversationId,
    );
    if (!rendered) {
      throw new ActionNotDoneError('failed', ActionReason.CannedResponseUnavailable);
    }
    const author = {
      userId: ctx.userId,
      organizationId: ctx.organizationId,
      automation: { origin: ctx.originRef.kind, id: ctx.originRef.id, name: ctx.originRef.name },
    };
    const request = { text: rendered.text, ...(ctx.messageId ? { inReplyToMessageId: ctx.messageId } : {}) };
    try {
      // An officer's macro replies as the officer: held on an account whose replies need approval (issue 26).
      if (ctx.originRef.kind === 'macro' && ctx.userId) {
        const officer = { userId: ctx.userId, organizationId: ctx.organizationId };
        await this.drafts.submit(officer, ctx.conversationId, request, undefined, { manager: ctx.manager, author });
      } else {
        await this.replies.reply(author, ctx.conversationId, request, undefined, ctx.manager);
      }
    } catch (error) {
      if (error instanceof ReplyRefusedError) {
        throw new ActionNotDoneError('failed', ActionReason.ReplyRefused);
      }
      throw error;
    }
  }

  /** Queues one e-mail to the team's members (sent by the worker after this transaction commits). */
  async notifyTeam(ctx: ActionContext, teamId: string): Promise<void> {
    const directory = this.teamDirectory ?? this.lookUp();
    if (!directory) {
      throw new ActionNotDoneError('failed', ActionReason.TeamsUnavailable);
    }
    const team = await directory.contacts(ctx.manager, ctx.organizationId, teamId);
    if (!team) {
      throw new ActionNotDoneError('failed', ActionReason.TeamNotFound);
    }
    if (team.members.length === 0) {
      throw new ActionNotDoneError('failed', ActionReason.NoTeamEmails);
    }
    if (!this.mail.enabled) {
      throw new ActionNotDoneError('failed', ActionReason.MailNotConfigured);
    }
    const { account, preview, link, origin, urgency } = await this.notice(ctx);
    // One e-mail per language the members read the product in.
    for (const [language, to] of addressesByLanguage(team.members)) {
      const say = TEAM_MAIL_TEXTS[language];
      const mailId = randomUUID();
      await this.queue.send<TeamMailJob>(
        TEAM_MAIL_QUEUE,
        {
          organizationId: ctx.organizationId,
          mailId,
          to,
          subject: urgency ? say.urgentSubject(team.name) : say.conversationSubject(team.name),
          // Only the preview the inbox list shows: the full message stays in civic-inbox (KVKK).
          text: [
            ...(urgency ? [say.urgentLine(urgency.terms)] : []),
            origin.kind === 'rule' ? say.rule(origin.name) : say.macro(origin.name),
            say.account(account ?? ''),
            say.lastMessage(preview ?? ''),
            say.conversation(link),
          ].join('\n'),
        },
        { id: mailId },
        ctx.manager,
      );
    }
  }

  /** Queues one signed post to the team's webhook (sent by the worker after this transaction commits). */
  async notifyTeamWebhook(ctx: ActionContext, teamId: string): Promise<void> {
    const directory = this.teamDirectory ?? this.lookUp();
    if (!directory) {
      throw new ActionNotDoneError('failed', ActionReason.TeamsUnavailable);
    }
    const team = await directory.webhook(ctx.manager, ctx.organizationId, teamId);
    if (!team) {
      throw new ActionNotDoneError('failed', ActionReason.TeamNotFound);
    }
    if (!team.url) {
      throw new ActionNotDoneError('failed', ActionReason.NoTeamWebhook);
    }
    const { account, preview, link, origin, urgency } = await this.notice(ctx);
    const who = (origin.kind === 'rule' ? TEAM_MAIL_TEXTS.tr.rule : TEAM_MAIL_TEXTS.tr.macro)(origin.name);
    const deliveryId = randomUUID();
    const headline = urgency
      ? `ACİL · ${team.name}: acil bir mesaj sizi bekliyor (${who}): ${urgency.terms.join(', ')}`
      : `${team.name}: yeni bir konuşma sizi bekliyor (${who})`;
    const body: TeamWebhookBody = {
      text: [headline, preview ?? '', link].filter(Boolean).join('\n'),
      event: 'team.notified',
      deliveryId,
      team: { id: team.teamId, name: team.name },
      origin: { kind: ctx.originRef.kind, name: ctx.originRef.name },
      account,
      preview,
      urgency,
      conversationUrl: link,
    };
    await this.queue.send<TeamWebhookJob>(
      TEAM_WEBHOOK_QUEUE,
      { organizationId: ctx.organizationId, teamId, body },
      { id: deliveryId },
      ctx.manager,
    );
  }

  /**
   * What a team notice says: the account, the inbox list's preview, the link, which rule or macro sent
   * it, and whether an urgent message waits (read in this scan and not written yet, or stored earlier).
   */
  private async notice(ctx: ActionContext): Promise<{
    account: string | null;
    preview: string | null;
    link: string;
    origin: ActionContext['originRef'];
    urgency: { terms: string[] } | null;
  }> {
    const [row] = await ctx.manager.query(
      `SELECT c.last_message_preview AS preview, a.name AS account, c.urgent_since, c.urgency_terms
         FROM conversation c
         JOIN channel_account a ON a.id = c.channel_account_id WHERE c.organization_id = $1 AND c.id = $2`,
      [ctx.organizationId, ctx.conversationId],
    );
    const reading = ctx.messageId ? MessageReadingBuffer.find(ctx.manager, ctx.messageId) : undefined;
    const terms = [
      ...new Set([...(reading?.urgent ? reading.urgencyTerms : []), ...(row?.urgent_since ? row.urgency_terms : [])]),
    ];
    const urgent = !!reading?.urgent || !!row?.urgent_since;
    const base = this.config.env.PUBLIC_URL?.replace(/\/$/, '') ?? '';
    return {
      account: row?.account ?? null,
      preview: row?.preview ?? null,
      link: `${base}/inbox/${ctx.conversationId}`,
      origin: ctx.originRef,
      urgency: urgent ? { terms } : null,
    };
  }

  private lookUp(): TeamDirectory | undefined {
    try {
      return this.moduleRef.get(TeamDirectory, { strict: false });
    } catch {
      return undefined;
    }
  }
}
