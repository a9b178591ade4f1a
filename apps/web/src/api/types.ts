/** The API's answers as the web inbox reads them: aliases of the schemas generated from the OpenAPI document (npm run web:types). */
import type { components } from './openapi.gen';

type Schemas = components['schemas'];

export type Channel = Schemas['Channel'];
export type Role = Schemas['UserRole'];
export type ConversationStatus = Schemas['ConversationStatus'];
export type DeliveryState = Schemas['DeliveryState'];
export type CaseStatus = Schemas['CaseStatus'];
export type DepartmentKind = Schemas['DepartmentKind'];
export type ChannelAccountStatus = Schemas['ChannelAccountStatus'];

export type SessionUser = Schemas['SessionUser'];
export type TokenResponse = Schemas['TokenResponse'];
export type TwoFactorChallenge = Schemas['TwoFactorChallenge'];
export type TwoFactorStatus = Schemas['TwoFactorStatus'];
export type TwoFactorPolicy = Schemas['TwoFactorPolicy'];
export type TotpSetup = Schemas['TotpSetup'];
export type RecoveryCodes = Schemas['RecoveryCodes'];
export type PasskeyView = Schemas['PasskeyView'];
export type PasskeyRegistered = Schemas['PasskeyRegistered'];
export type SessionView = Schemas['SessionView'];
export type SingleSignOnSettingsView = Schemas['SingleSignOnSettingsView'];
export type SingleSignOnGroupMapping = Schemas['SingleSignOnGroupMapping'];
export type SingleSignOnOptions = Schemas['SingleSignOnOptions'];
export type SingleSignOnOrganization = Schemas['SingleSignOnOrganization'];

export type AccountRef = Schemas['AccountRef'];
export type ConversationView = Schemas['ConversationView'];
export type ConversationPage = Schemas['ConversationPage'];
export type BulkResult = Schemas['BulkResult'];
export type Attachment = Schemas['Attachment'];
export type GeoLocation = Schemas['GeoLocation'];
export type MessageItem = Schemas['MessageItem'];
export type NoteItem = Schemas['NoteItem'];
export type ThreadItem = MessageItem | NoteItem;
export type CannedResponse = Schemas['CannedResponse'];
export type RenderedCannedResponse = Schemas['RenderedCannedResponse'];
export type SentReply = Schemas['Reply'];

export type ChannelAccountView = Schemas['ChannelAccountView'];
export type UserView = Schemas['UserView'];
export type SessionsEnded = Schemas['SessionsEnded'];

export type AuditEventView = Schemas['AuditEventView'];
export type AuditEventPage = Schemas['AuditEventPage'];
export type ChainReport = Schemas['AuditChainReport'];
export type ExportJobView = Schemas['ExportJobView'];
export type RetentionSettingsView = Schemas['RetentionSettingsView'];
export type LegalHoldView = Schemas['LegalHoldView'];

export type CaseView = Schemas['CaseView'];
export type CaseList = Schemas['CaseList'];
export type CaseDetail = Schemas['CaseDetail'];
export type CaseHistoryEntry = Schemas['CaseHistoryEntry'];
export type CaseForwardView = Schemas['CaseForward'];
export type CaseCategory = Schemas['CaseCategory'];
export type CaseStats = Schemas['CaseStats'];
export type CaseCounts = Pick<CaseStats, 'received' | 'resolved' | 'rejected' | 'open'>;
export type Durations = Schemas['Durations'];
export type CaseSuggestion = Schemas['CaseSuggestion'];
export type RoutingSuggestion = Schemas['RoutingSuggestion'];
export type CaseOutcome = Schemas['CaseOutcome'];
export type DepartmentView = Schemas['DepartmentView'];

export type MentionView = Schemas['MentionView'];
export type MentionPage = Schemas['MentionPage'];
export type MentionVolume = Schemas['MentionVolume'];
export type MentionAuthor = Schemas['MentionAuthor'];
export type MentionDigestAnswer = Schemas['MentionDigestAnswer'];
export type MentionDigest = Schemas['MentionDigest'];
export type MentionTerm = Schemas['MentionTerm'];
export type WeekOverview = Schemas['WeekOverview'];
