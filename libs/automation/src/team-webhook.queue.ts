import type { QueueDefinition } from '@civic/queue';

/** The JSON a team's webhook receives (Slack- and Mattermost-style `text` first, then the fields). */
export interface TeamWebhookBody {
  text: string;
  event: 'team.notified';
  deliveryId: string;
  team: { id: string; name: string };
  origin: { kind: 'rule' | 'macro'; name: string };
  account: string | null;
  /** The preview the inbox list shows, not the whole message (KVKK). */
  preview: string | null;
  /** An urgent citizen message waits for an answer (issue 28), with the words that made it urgent; else null. */
  urgency: { terms: string[] } | null;
  conversationUrl: string;
}

/** One "notify a team by webhook" post: the job is its own outbox row, written in the run's transaction. */
export interface TeamWebhookJob {
  organizationId: string;
  teamId: string;
  body: TeamWebhookBody;
}

export const TEAM_WEBHOOK_QUEUE: QueueDefinition = {
  name: 'automation.team_webhook',
  retryLimit: 6,
  retryDelay: 30,
  retryBackoff: true,
  expireInSeconds: 60,
};
