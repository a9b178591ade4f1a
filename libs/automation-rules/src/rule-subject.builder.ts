import { foldForSearch } from '@civic/domain';
import type { GeoLocation, MessageAttachment } from '@civic/model';
import type { AutomationRuleEvent } from './automation-rule-event';
import type { RuleSubject } from './rule-subject';

/** A citizen's messages this close before another one count as the same request (photo, location, text). */
export const BURST_SECONDS = 600;
/** At most this many messages make one burst. */
export const BURST_MAX = 20;

/** One citizen message as the subject builder needs it. */
export interface BurstMessage {
  id: string;
  text: string | null;
  attachments: MessageAttachment[] | null;
  /** Folded once and kept: a dry run folds each message once, not once per burst it belongs to. */
  folded?: string;
}

export interface SubjectContext {
  organizationId: string;
  event: AutomationRuleEvent;
  occurredAt: Date;
  channel: string;
  channelAccountId: string;
  accountOwnerLabel: string | null;
  conversationId: string;
  conversationTags: readonly string[] | null;
  language: string | null;
  urgent?: boolean;
  messageId: string | null;
  messageKind: string;
  contactTags?: readonly string[] | null;
}

/** The subject of one message: its context plus what its burst (oldest first, the message last) carries. */
export function buildSubject(
  context: SubjectContext,
  burst: readonly BurstMessage[],
  burstFiredRuleIds?: readonly string[],
): RuleSubject {
  const texts: string[] = [];
  const locations: GeoLocation[] = [];
  let hasPhoto = false;
  for (const message of burst) {
    message.folded ??= foldForSearch(message.text ?? '');
    if (message.folded) {
      texts.push(message.folded);
    }
    for (const attachment of message.attachments ?? []) {
      if (attachment.type === 'image') {
        hasPhoto = true;
      }
      if (attachment.location && Number.isFinite(attachment.location.latitude)) {
        locations.push(attachment.location);
      }
    }
  }
  return {
    ...context,
    conversationTags: context.conversationTags ?? [],
    contactTags: context.contactTags ?? [],
    foldedText: texts.join('\n'),
    hasPhoto,
    locations,
    burstMessageIds: burst.map((m) => m.id),
    ...(burstFiredRuleIds ? { burstFiredRuleIds } : {}),
  };
}
