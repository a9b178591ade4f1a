import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@civic/audit';
import {
  ActionReason,
  addressesByLanguage,
  ConversationActionKind,
  TEAM_MAIL_QUEUE,
  TEAM_MAIL_TEXTS,
  TEAM_WEBHOOK_QUEUE,
  TeamDirectory,
} from '@civic/automation';
import type {
  ActionOutcome,
  ConversationAction,
  TeamMailJob,
  TeamWebhookBody,
  TeamWebhookJob,
} from '@civic/automation';
import { AppConfig } from '@civic/config';
import { MailService } from '@civic/mail';
import { QueueService } from '@civic/queue';
import type { RuleMentionFacts } from '../rule-subject';

/** The post's text as the e-mail shows it: one line, this long at most. */
const EXCERPT = 280;

/** Why a mention action was not done, beyond the conversation actions' reasons. */
export const NOT_FOR_MENTIONS = 'not_available_for_mentions';

export interface MentionActionRun {
  organizationId: string;
  mention: RuleMentionFacts;
  rule: { id: string; name: string };
  actions: readonly ConversationAction[];
}

/**
 * Carries out a mention rule's actions in the caller's transaction. A mention has no conversation:
 * the actions tell people (the e-mail to a team's members, the post to a team's webhook, through the
 * same queues as for conversations); nothing they do is an event, so mention rules never loop. Each action runs under a
 * savepoint and leaves one audit event on the mention naming the rule and its result.
 */
@Injectable()
export class MentionActionRunner {
  constructor(
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly queue: QueueService,
    private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  async run(manager: EntityManager, run: MentionActionRun): Promise<ActionOutcome[]> {
    const outcomes: ActionOutcome[] = [];
    for (const [index, action] of run.actions.entries()) {
      const savepoint = `mention_action_${index}`;
      await manager.query(`SAVEPOINT ${savepoint}`);
      let outcome: ActionOutcome;
      try {
        const reason = await this.perform(manager, run, action);
        outcome = reason ? { kind: action.kind, result: 'failed', reason } : { kind: action.kind, result: 'done' };
        await manager.query(`RELEASE SAVEPOINT ${savepoint}`);
      } catch {
        await manager.query(`ROLLBACK TO SAVEPOINT ${savepoint}`);
        outcome = { kind: action.kind, result: 'failed', reason: ActionReason.Unexpected };
      }
      outcomes.push(outcome);
      await this.audit.record(
        {
          organizationId: run.organizationId,
          actorUserId: null,
          actorLabel: 'system',
          action: 'mention.automation',
          targetType: 'mention',
          targetId: run.mention.id,
          after: {
            origin: { kind: 'rule', id: run.rule.id, name: run.rule.name },
            step: index + 1,
            action: { ...action },
            result: outcome.result,
            ...(outcome.reason ? { reason: outcome.reason } : {}),
          },
        },
        manager,
      );
    }
    return outcomes;
  }

  /** Null when done, else why not. */
  private async perform(
    manager: EntityManager,
    run: MentionActionRun,
    action: ConversationAction,
  ): Promise<string | null> {
    if (action.kind === ConversationActionKind.NotifyTeam) {
      return this.notifyTeam(manager, run, action.teamId);
    }
    if (action.kind === ConversationActionKind.NotifyTeamWebhook) {
      return this.notifyTeamWebhook(manager, run, action.teamId);
    }
    // Validation keeps the others off mention rules; a stored rule from elsewhere does nothing.
    return NOT_FOR_MENTIONS;
  }

  /** Queues one e-mail to the team's members with the post's excerpt, author, link and watchlist. */
  private async notifyTeam(manager: EntityManager, run: MentionActionRun, teamId: string): Promise<string | null> {
    const directory = this.teamDirectory();
    if (!directory) {
      return ActionReason.TeamsUnavailable;
    }
    const team = await directory.contacts(manager, run.organizationId, teamId);
    if (!team) {
      return ActionReason.TeamNotFound;
    }
    if (team.members.length === 0) {
      return ActionReason.NoTeamEmails;
    }
    if (!this.mail.enabled) {
      return ActionReason.MailNotConfigured;
    }
    const { mention } = run;
    const { excerpt, author, base } = this.notice(mention);
    // One e-mail per language the members read the product in.
    for (const [language, to] of addressesByLanguage(team.members)) {
      const say = TEAM_MAIL_TEXTS[language];
      const mailId = randomUUID();
      await this.queue.send<TeamMailJob>(
        TEAM_MAIL_QUEUE,
        {
          organizationId: run.organizationId,
          mailId,
          to,
          subject: say.mentionSubject(team.name, mention.watchlistName),
          // A public post: its excerpt, author and link; the rest stays in civic-inbox.
          text: [
            say.rule(run.rule.name),
            say.watchlist(mention.watchlistName),
            say.author(author),
            say.mentionText(excerpt),
            ...(mention.url ? [say.link(mention.url)] : []),
            say.mentions(`${base}/mentions`),
          ].join('\n'),
        },
        { id: mailId },
        manager,
      );
    }
    return null;
  }

  /**
   * Queues one signed post to the team's webhook: the conversation notice's fields (no account, the
   * excerpt as the preview, the mentions screen as the link) plus the mention's own.
   */
  private async notifyTeamWebhook(
    manager: EntityManager,
    run: MentionActionRun,
    teamId: string,
  ): Promise<string | null> {
    const directory = this.teamDirectory();
    if (!directory) {
      return ActionReason.TeamsUnavailable;
    }
    const team = await directory.webhook(manager, run.organizationId, teamId);
    if (!team) {
      return ActionReason.TeamNotFound;
    }
    if (!team.url) {
      return ActionReason.NoTeamWebhook;
    }
    const { mention } = run;
    const { excerpt, author, base } = this.notice(mention);
    const deliveryId = randomUUID();
    const body: TeamWebhookBody & { mention: Record<string, string | null> } = {
      text: [
        `${team.name}: "${mention.watchlistName}" listesine yeni bir bahsetme (Kural: ${run.rule.name})`,
        `${author}: ${excerpt}`,
        mention.url ?? '',
      ]
        .filter(Boolean)
        .join('\n'),
      event: 'team.notified',
      deliveryId,
      team: { id: team.teamId, name: team.name },
      origin: { kind: 'rule', name: run.rule.name },
      account: null,
      preview: excerpt,
      urgency: null,
      conversationUrl: `${base}/mentions`,
      mention: { watchlist: mention.watchlistName, author, excerpt, url: mention.url },
    };
    await this.queue.send<TeamWebhookJob>(
      TEAM_WEBHOOK_QUEUE,
      { organizationId: run.organizationId, teamId, body },
      { id: deliveryId },
      manager,
    );
    return null;
  }

  /** The post as notices show it: one line of at most EXCERPT characters, its author, and the product's address. */
  private notice(mention: RuleMentionFacts): { excerpt: string; author: string; base: string } {
    const text = (mention.text ?? '').replace(/\s+/g, ' ').trim();
    return {
      excerpt: text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text,
      author: mention.authorHandle ? `@${mention.authorHandle.replace(/^@/, '')}` : (mention.authorName ?? ''),
      base: this.config.env.PUBLIC_URL?.replace(/\/$/, '') ?? '',
    };
  }

  private teamDirectory(): TeamDirectory | undefined {
    try {
      return this.moduleRef.get(TeamDirectory, { strict: false });
    } catch {
      return undefined;
    }
  }
}
