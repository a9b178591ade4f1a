import type { GeoLocation } from '@civic/model';
import type { AutomationRuleEvent } from './automation-rule-event';

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
  /** The contact's language when known (tr, en), else null. */
  language: string | null;
  messageId: string;
  messageKind: string;
  /** The burst's texts and captions, Turkish-folded, one per line. */
  foldedText: string;
  hasPhoto: boolean;
  locations: readonly GeoLocation[];
  /** The burst's message ids, this one included (a rule fires once per burst). */
  burstMessageIds: readonly string[];
  /** Rules that already fired on a message of the burst (this one included), when the loader read them with the subject. */
  burstFiredRuleIds?: readonly string[];
}
