import type { MigrationInterface } from 'typeorm';
import { Initial1795449780394 } from './1795449780394-initial.migration';
import { InboxNotesCannedResponses1795450258753 } from './1795450258753-inbox-notes-canned-responses.migration';
import { AuthHardening1795450259177 } from './1795450259177-auth-hardening.migration';
import { AuditTrail1795450277010 } from './1795450277010-audit-trail.migration';
import { ReplyDispatch1795450400000 } from './1795450400000-reply-dispatch.migration';
import { CasesRouting1795451356561 } from './1795451356561-cases-routing.migration';
import { MediaDownload1795451409816 } from './1795451409816-media-download.migration';
import { MentionsTracking1795451453871 } from './1795451453871-mentions-tracking.migration';
import { RetentionErasure1795452394917 } from './1795452394917-retention-erasure.migration';
import { CaseDuplicatesPublicData1795453487535 } from './1795453487535-case-duplicates-public-data.migration';
import { MessageDeliveryFailedIndex1795454370687 } from './1795454370687-message-delivery-failed-index.migration';
import { MentionSourceState1795461822908 } from './1795461822908-mention-source-state.migration';
import { ChannelSendRate1795461987498 } from './1795461987498-channel-send-rate.migration';
import { WebhookInbox1796137383784 } from './1796137383784-webhook-inbox.migration';
import { DeferredMessageUpdate1796156069494 } from './1796156069494-deferred-message-update.migration';
import { DeferredReplyStatus1796166329735 } from './1796166329735-deferred-reply-status.migration';
import { ApiRateCounter1796169322479 } from './1796169322479-api-rate-counter.migration';
import { MessageEchoOfReply1796421906590 } from './1796421906590-message-echo-of-reply.migration';
import { MessagePartExternalIds1796425725458 } from './1796425725458-message-part-external-ids.migration';
import { TwoFactorSessions1796542568192 } from './1796542568192-two-factor-sessions.migration';
import { WorkerLease1796542571321 } from './1796542571321-worker-lease.migration';
import { SingleSignOn1796542796425 } from './1796542796425-single-sign-on.migration';
import { Passkeys1796543508082 } from './1796543508082-passkeys.migration';
import { TenantScopedKeys1796544325601 } from './1796544325601-tenant-scoped-keys.migration';
import { UserSsoIdentity1796544900000 } from './1796544900000-user-sso-identity.migration';
import { CannedResponseOwnerShortcut1796553985850 } from './1796553985850-canned-response-owner-shortcut.migration';
import { ContactProfile1796555000000 } from './1796555000000-contact-profile.migration';
import { ConversationResponseTimes1796560000000 } from './1796560000000-conversation-response-times.migration';
import { CaseAssignee1796570000000 } from './1796570000000-case-assignee.migration';
import { ReplyUpload1796580000000 } from './1796580000000-reply-upload.migration';
import { InboxStatsRollup1796630000000 } from './1796630000000-inbox-stats-rollup.migration';
import { ReadableCaseNumbers1796640000000 } from './1796640000000-readable-case-numbers.migration';
import { CaseStatusRequests1796640100000 } from './1796640100000-case-status-requests.migration';
import { CitizenNotices1796641000000 } from './1796641000000-citizen-notices.migration';
import { OfficeHours1796642000000 } from './1796642000000-office-hours.migration';
import { CaseSatisfaction1796643000000 } from './1796643000000-case-satisfaction.migration';
import { CaseManualIntake1796644000000 } from './1796644000000-case-manual-intake.migration';
import { CaseAtRisk1796645000000 } from './1796645000000-case-at-risk.migration';
import { CaseMailRecipient1796645100000 } from './1796645100000-case-mail-recipient.migration';
import { Teams1796646000000 } from './1796646000000-teams.migration';
import { Macros1796647000000 } from './1796647000000-macros.migration';
import { AutomationRules1796648000000 } from './1796648000000-automation-rules.migration';
import { ReplyApproval1796649000000 } from './1796649000000-reply-approval.migration';
import { DirectorateAccess1796650000000 } from './1796650000000-directorate-access.migration';
import { RuleEvents1796652000000 } from './1796652000000-rule-events.migration';
import { Neighbourhoods1796654000000 } from './1796654000000-neighbourhoods.migration';
import { Open311Intake1796655000000 } from './1796655000000-open311-intake.migration';
import { CaseMapIndex1796656000000 } from './1796656000000-case-map-index.migration';
import { CaseMapCells1796656100000 } from './1796656100000-case-map-cells.migration';
import { CaseMapCategoryIndex1796656200000 } from './1796656200000-case-map-category-index.migration';
import { TeamWebhook1796658000000 } from './1796658000000-team-webhook.migration';
import { MessageReadings1796660000000 } from './1796660000000-message-readings.migration';
import { MentionSentiment1796661000000 } from './1796661000000-mention-sentiment.migration';
import { NeighbourhoodOfficialList1796662000000 } from './1796662000000-neighbourhood-official-list.migration';
import { CaseMapCellChanges1796662100000 } from './1796662100000-case-map-cell-changes.migration';
import { CategoryModelCasesSeen1796662200000 } from './1796662200000-category-model-cases-seen.migration';
/** Every migration in order. `npm run migration:generate -- Name` appends here. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Initial1795449780394,
  InboxNotesCannedResponses1795450258753,
  AuthHardening1795450259177,
  AuditTrail1795450277010,
  ReplyDispatch1795450400000,
  CasesRouting1795451356561,
  MediaDownload1795451409816,
  MentionsTracking1795451453871,
  RetentionErasure1795452394917,
  CaseDuplicatesPublicData1795453487535,
  MessageDeliveryFailedIndex1795454370687,
  MentionSourceState1795461822908,
  ChannelSendRate1795461987498,
  WebhookInbox1796137383784,
  DeferredMessageUpdate1796156069494,
  DeferredReplyStatus1796166329735,
  ApiRateCounter1796169322479,
  MessageEchoOfReply1796421906590,
  MessagePartExternalIds1796425725458,
  TwoFactorSessions1796542568192,
  WorkerLease1796542571321,
  SingleSignOn1796542796425,
  Passkeys1796543508082,
  TenantScopedKeys1796544325601,
  UserSsoIdentity1796544900000,
  CannedResponseOwnerShortcut1796553985850,
  ContactProfile1796555000000,
  ConversationResponseTimes1796560000000,
  CaseAssignee1796570000000,
  ReplyUpload1796580000000,
  InboxStatsRollup1796630000000,
  OfficeHours1796642000000,
  CitizenNotices1796641000000,
  ReadableCaseNumbers1796640000000,
  CaseStatusRequests1796640100000,
  CaseSatisfaction1796643000000,
  CaseManualIntake1796644000000,
  CaseAtRisk1796645000000,
  CaseMailRecipient1796645100000,
  ReplyApproval1796649000000,
  Teams1796646000000,
  AutomationRules1796648000000,
  Macros1796647000000,
  DirectorateAccess1796650000000,
  RuleEvents1796652000000,
  Neighbourhoods1796654000000,
  Open311Intake1796655000000,
  CaseMapIndex1796656000000,
  CaseMapCells1796656100000,
  CaseMapCategoryIndex1796656200000,
  TeamWebhook1796658000000,
  MessageReadings1796660000000,
  MentionSentiment1796661000000,
  NeighbourhoodOfficialList1796662000000,
  CaseMapCellChanges1796662100000,
  CategoryModelCasesSeen1796662200000,
];
