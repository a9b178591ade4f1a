import {
  CaseCategory,
  CaseForward,
  CaseHistory,
  CaseSettings,
  CivicCase,
  ConversationErasure,
  DeferredMessageUpdate,
  Department,
  LegalHold,
  PasskeyChallenge,
  RetentionSettings,
  RoutingRule,
  SingleSignOnLoginCode,
  SingleSignOnSettings,
  TwoFactorPolicy,
  UserPasskey,
  UserRecoveryCode,
  UserSession,
  UserSsoIdentity,
  UserTwoFactor,
  WebhookInboxEntry,
  WorkerLease,
  WorkerLeaseJob,
} from './entities';
import { ApiRateCounter } from './entities/api-rate-counter.entity';
import { ApiToken } from './entities/api-token.entity';
import { AuditEvent } from './entities/audit-event.entity';
import { AutomationRuleFiring } from './entities/automation-rule-firing.entity';
import { AutomationRule } from './entities/automation-rule.entity';
import { CannedResponse } from './entities/canned-response.entity';
import { CaseMapCellChange } from './entities/case-map-cell-change.entity';
import { CaseMapCell } from './entities/case-map-cell.entity';
import { CaseSatisfaction } from './entities/case-satisfaction.entity';
import { ChannelAccount } from './entities/channel-account.entity';
import { ChannelSendPace } from './entities/channel-send-pace.entity';
import { CitizenContactState } from './entities/citizen-contact-state.entity';
import { CitizenInboundProcessed } from './entities/citizen-inbound-processed.entity';
import { CitizenInboundScan } from './entities/citizen-inbound-scan.entity';
import { CitizenMessageSettings } from './entities/citizen-message-settings.entity';
import { CitizenNotice } from './entities/citizen-notice.entity';
import { Contact } from './entities/contact.entity';
import { ConversationActivity } from './entities/conversation-activity.entity';
import { Conversation } from './entities/conversation.entity';
import { ExportJob } from './entities/export-job.entity';
import { InternalNote } from './entities/internal-note.entity';
import { LoginAttempt } from './entities/login-attempt.entity';
import { Macro } from './entities/macro.entity';
import { MentionAlert } from './entities/mention-alert.entity';
import { MentionDigest } from './entities/mention-digest.entity';
import { MentionNotification } from './entities/mention-notification.entity';
import { MentionSearchCursor } from './entities/mention-search-cursor.entity';
import { MentionSettings } from './entities/mention-settings.entity';
import { MentionSourceState } from './entities/mention-source-state.entity';
import { MentionWatchlist } from './entities/mention-watchlist.entity';
import { Mention } from './entities/mention.entity';
import { MessageReading } from './entities/message-reading.entity';
import { Message } from './entities/message.entity';
import { NeighbourhoodBoundarySet } from './entities/neighbourhood-boundary-set.entity';
import { Neighbourhood } from './entities/neighbourhood.entity';
import { Open311Client } from './entities/open311-client.entity';
import { Organization } from './entities/organization.entity';
import { ReadingSettings } from './entities/reading-settings.entity';
import { RefreshToken } from './entities/refresh-token.entity';
import { ReplyDraft } from './entities/reply-draft.entity';
import { ReplyIdempotencyKey } from './entities/reply-idempotency-key.entity';
import { ReplyUpload } from './entities/reply-upload.entity';
import { SigningKey } from './entities/signing-key.entity';
import { TeamMember } from './entities/team-member.entity';
import { Team } from './entities/team.entity';
import { TrainedCategoryModel } from './entities/trained-category-model.entity';
import { UserAccountGrant } from './entities/user-account-grant.entity';
import { UserPresence } from './entities/user-presence.entity';
import { User } from './entities/user.entity';

/**
 * Every TypeORM entity. Entities of all features live under libs/domain so persistence stays
 * in one place; add a new one here and write its migration (see libs/domain/src/migrations).
 */
export const ALL_ENTITIES = [
  Organization,
  User,
  ChannelAccount,
  ChannelSendPace,
  Contact,
  Conversation,
  Message,
  InternalNote,
  ReplyUpload,
  ReplyDraft,
  CannedResponse,
  Macro,
  ConversationActivity,
  AuditEvent,
  ExportJob,
  SigningKey,
  RefreshToken,
  ApiToken,
  LoginAttempt,
  UserAccountGrant,
  ReplyIdempotencyKey,
  Department,
  CaseCategory,
  RoutingRule,
  CivicCase,
  CaseHistory,
  CaseForward,
  CaseSettings,
  MentionWatchlist,
  Mention,
  MentionSearchCursor,
  MentionSourceState,
  MentionAlert,
  MentionNotification,
  MentionDigest,
  MentionSettings,
  RetentionSettings,
  LegalHold,
  ConversationErasure,
  WebhookInboxEntry,
  DeferredMessageUpdate,
  ApiRateCounter,
  UserSession,
  UserTwoFactor,
  UserRecoveryCode,
  TwoFactorPolicy,
  WorkerLease,
  WorkerLeaseJob,
  SingleSignOnSettings,
  SingleSignOnLoginCode,
  UserSsoIdentity,
  UserPasskey,
  PasskeyChallenge,
  CitizenNotice,
  CitizenMessageSettings,
  CitizenContactState,
  CitizenInboundScan,
  CitizenInboundProcessed,
  CaseSatisfaction,
  Team,
  TeamMember,
  UserPresence,
  AutomationRule,
  AutomationRuleFiring,
  NeighbourhoodBoundarySet,
  Neighbourhood,
  Open311Client,
  CaseMapCell,
  CaseMapCellChange,
  MessageReading,
  TrainedCategoryModel,
  ReadingSettings,
];
