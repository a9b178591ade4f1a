/** A team member as the teams screen and the inbox filter show them. */
export interface TeamMemberView {
  id: string;
  displayName: string;
  /** Marked themself away: new work goes to others. */
  away: boolean;
  /** The web inbox's live stream is open on some api process. */
  online: boolean;
  /** Open and pending conversations assigned to them (all teams). */
  openConversations: number;
}

export interface TeamView {
  id: string;
  name: string;
  description: string | null;
  /** Most open conversations per member for new work to reach them; null = no cap. */
  maxOpenPerMember: number | null;
  active: boolean;
  /** Where notify_team_webhook posts; null = none. */
  webhookUrl: string | null;
  hasWebhookSecret: boolean;
  /** The webhook's signing secret: only in the answer that generated it (a new URL), shown once. */
  webhookSecret?: string;
  members: TeamMemberView[];
  /** Open conversations of the team waiting for a member (its queue). */
  queued: number;
  /** Open and pending conversations of the team. */
  open: number;
  /** Whether the caller is a member. */
  mine: boolean;
}

export interface TeamInput {
  name?: string;
  description?: string | null;
  maxOpenPerMember?: number | null;
  active?: boolean;
  /** A new URL gets a new signing secret; null removes the webhook. */
  webhookUrl?: string | null;
  /** Replaces the members. */
  memberIds?: string[];
}
