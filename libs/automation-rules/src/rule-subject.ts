import type { GeoLocation } from '@civic/model';
import type { AutomationRuleEvent } from './automation-rule-event';

/** What case conditions read. */
export interface RuleCaseFacts {
  id: string;
  /** The category's code (e.g. yol-cukur). */
  category: string | null;
  departmentId: string | null;
  priority: string;
  status: string;
  /** The status before the change (case_status_changed), else null. */
  previousStatus: string | null;
}

/** What mention conditions read, and what mention actions write (the team e-mail). */
export interface RuleMentionFacts {
  id: string;
  watchlistId: string;
  watchlistName: string;
  authorHandle: string | null;
  authorName: string | null;
  url: string | null;
  text: string | null;
  reach: number | null;
}

/**
 * What a rule's conditions look at for one event: the citizen message and its burst (the same
 * citizen's earlier messages in the conversation a few minutes before it: WhatsApp carries a photo,
 * its location and the text as separate messages, and together they are one request).
 */
export interface RuleSubject {
  organizationId: string;
  event: AutomationRuleEvent;
  /** The message's channel time (office hours are judged at it). */
  occurredAt: Date;
  channel: string;
  channelAccountId: string;
  accountOwnerLabel: string | null;
  conversationId: string;
  conversationTags: readonly string[];
  /** The message's language as read (tr, ku, ar, en, other; issue 28), else the contact's known one, else null. */
  language: string | null;
  /** The message was read as urgent (message events; issue 28). Absent counts as not urgent. */
  urgent?: boolean;
  /** The message the event is about; for a case event the message the case was opened from (null when none). */
  messageId: string | null;
  messageKind: string;
  /** The citizen contact's tags (contact.tags), lower-cased as stored. */
  contactTags: readonly string[];
  /** The case of a case event; absent for message events (case conditions are refused there). */
  case?: RuleCaseFacts;
  /** The mention of a mention event (its conversationId is '' and channelAccountId '' when the post is not in the inbox). */
  mention?: RuleMentionFacts;
  /** 0 for what citizens and officers did; 1 for an event a rule's action caused (its rules' actions cause no further events). */
  depth?: number;
  /** The burst's texts and captions, Turkish-folded, one per line. */
  foldedText: string;
  hasPhoto: boolean;
  locations: readonly GeoLocation[];
  /** The burst's message ids, this one included (a rule fires once per burst). */
  burstMessageIds: readonly string[];
  /** Rules that already fired on a message of the burst (this one included), when the loader read them with the subject. */
  burstFiredRuleIds?: readonly string[];
}
