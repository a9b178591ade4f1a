import type { Channel, ConversationKind, ConversationStatus } from '@civic/domain';

/** The inbox filters; all optional, all combined with AND. */
export interface ConversationFilter {
  /** Set by the server from the caller's account grants, never from the query: only these accounts. */
  accountIds?: string[] | null;
  channel?: Channel;
  accountId?: string;
  kind?: ConversationKind;
  status?: ConversationStatus;
  /** 'me', 'nobody' or a user id. */
  assignee?: string;
  tag?: string;
  /** 'mine' (the caller's teams) or a team id; with assignee 'nobody', the teams' queue. */
  team?: string;
  /** Last activity range (inclusive). */
  from?: Date;
  to?: Date;
  unread?: boolean;
  /** Whether a case (başvuru) was opened from the conversation. */
  hasCase?: boolean;
  /** Conversations a case of this neighbourhood (mahalle) was opened from. */
  neighbourhoodId?: string;
  /** Only conversations with an officer's reply held for approval (reply approval). */
  awaitingApproval?: boolean;
  /** Readings (issue 28): an urgent message waits for an answer; the latest message's language and sentiment. */
  urgent?: boolean;
  language?: string;
  sentiment?: string;
  /** Turkish-aware search over message text and contact name/handle/phone. */
  q?: string;
}
