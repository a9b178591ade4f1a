import type { AuditEntry } from '@civic/audit';
import type { MessageAttachment } from '@civic/domain';
import type { SlaCalendar } from '@civic/office-hours';
import type { CitizenLoopHistory } from './citizen-loop-rows';

/** Whose account a sandbox account is, which decides the topics and the officers that answer. */
export type DemoDesk = 'municipality' | 'mayor';

/** The organization as the history is drawn for it: its accounts, units, categories and officers. */
export interface DemoCatalog {
  organizationId: string;
  organizationName: string;
  accounts: { id: string; channel: string; externalId: string; handle: string | null; desk: DemoDesk }[];
  /** Active departments (müdürlükler). */
  departments: { id: string; name: string }[];
  /** Active external bodies. */
  bodies: { id: string; name: string }[];
  /** Active categories; `ownerId` is the department or external body that owns each. */
  categories: {
    id: string;
    code: string;
    name: string;
    slaHours: number;
    slaWorkingHours: boolean;
    ownerId: string | null;
  }[];
  officers: { id: string; name: string; email: string; desk: DemoDesk | 'both' }[];
  /** The office calendar working-hour SLAs are counted on. */
  calendar: SlaCalendar;
}

export interface ContactRow {
  id: string;
  channel_account_id: string;
  channel: string;
  channel_user_id: string;
  name: string | null;
  handle: string | null;
  phone: string | null;
  search_text: string;
  created_at: string;
  last_seen_at: string;
}

export interface ConversationRow {
  id: string;
  channel_account_id: string;
  channel: string;
  kind: string;
  thread_key: string;
  root_external_id: string | null;
  contact_id: string;
  status: string;
  assignee_id: string | null;
  last_activity_at: string;
  last_inbound_at: string;
  reply_window_expires_at: string | null;
  first_inbound_at: string;
  first_response_at: string | null;
  first_response_user_id: string | null;
  resolved_at: string | null;
  resolved_by_user_id: string | null;
  last_message_preview: string | null;
  message_count: number;
  unread_count: number;
  created_at: string;
}

export interface MessageRow {
  id: string;
  channel: string;
  channel_account_id: string;
  conversation_id: string;
  external_id: string;
  direction: 'in' | 'out';
  kind: string;
  text: string | null;
  search_text: string;
  attachments: MessageAttachment[];
  parent_message_id: string | null;
  parent_external_id: string | null;
  contact_id: string;
  author_user_id: string | null;
  sent_at: string;
  received_at: string;
  delivery_state: string | null;
  delivery_updated_at: string | null;
}

export interface ActivityRow {
  id: string;
  conversation_id: string;
  actor_user_id: string;
  type: string;
  data: Record<string, unknown>;
  created_at: string;
}

export interface CaseRow {
  id: string;
  number: number;
  /** The readable number (`2026-000123`); the writer moves the organization's counters past it. */
  case_number: string;
  conversation_id: string;
  message_id: string;
  contact_id: string;
  channel: string;
  channel_account_id: string;
  category_id: string;
  department_id: string | null;
  external_body_id: string | null;
  assignee_user_id: string | null;
  description: string | null;
  priority: string;
  status: string;
  latitude: number | null;
  longitude: number | null;
  location_label: string | null;
  photos: unknown[];
  due_at: string;
  at_risk_at: string;
  resolution_text: string | null;
  rejection_reason: string | null;
  first_resolved_at: string | null;
  resolved_at: string | null;
  rejected_at: string | null;
  resolution_count: number;
  merged_into_case_id: string | null;
  merged_at: string | null;
  created_by_user_id: string;
  created_at: string;
  updated_at: string;
}

export interface CaseHistoryRow {
  id: string;
  case_id: string;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  note: string | null;
  occurred_at: string;
}

export interface CaseForwardRow {
  id: string;
  case_id: string;
  external_body_id: string;
  transport: string;
  target: string;
  payload: Record<string, unknown>;
  status: string;
  attempts: number;
  response_status: number | null;
  sent_at: string | null;
  created_by_user_id: string;
  created_at: string;
  updated_at: string;
}

export interface WatchlistRow {
  id: string;
  name: string;
  terms: string[];
  handles: string[];
  hashtags: string[];
  exclusion_terms: string[];
  created_at: string;
}

export interface MentionRow {
  id: string;
  watchlist_id: string;
  message_id: string | null;
  channel: string;
  external_id: string;
  source: string;
  author_external_id: string | null;
  author_name: string | null;
  author_handle: string | null;
  text: string;
  search_text: string;
  url: string | null;
  matched_terms: string[];
  published_at: string;
  author_followers: number | null;
  like_count: number | null;
  repost_count: number | null;
  reply_count: number | null;
  reach: number | null;
}

export interface MentionAlertRow {
  id: string;
  watchlist_id: string;
  opened_at: string;
  closed_at: string | null;
  hour_count: number;
  peak_count: number;
  median_daily: number;
  threshold: number;
}

/** Everything one seeding writes, in the order it is written. */
export interface DemoHistory {
  contacts: ContactRow[];
  conversations: ConversationRow[];
  messages: MessageRow[];
  activities: ActivityRow[];
  cases: CaseRow[];
  caseHistory: CaseHistoryRow[];
  forwards: CaseForwardRow[];
  watchlists: WatchlistRow[];
  mentions: MentionRow[];
  alerts: MentionAlertRow[];
  /** The automatic messages sent to citizens and what they answered. */
  loop: CitizenLoopHistory;
  /** The case actions, oldest first, for the audit chain. */
  audit: AuditEntry[];
}
