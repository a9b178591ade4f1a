import type { MessageRow } from './demo-history.types';
import { MESSAGE_COLUMNS } from './message-columns';

/** A citizen_notice row as the notice worker leaves it (sent with its message, or skipped and why). */
export interface CitizenNoticeRow {
  id: string;
  conversation_id: string;
  case_id: string | null;
  contact_id: string;
  kind: string;
  event_key: string;
  values: Record<string, string>;
  buttons: { id: string; title: string }[] | null;
  in_reply_to_message_id: string | null;
  state: 'sent' | 'skipped';
  reason: string | null;
  language: string;
  text: string | null;
  message_id: string | null;
  created_at: string;
  sent_at: string | null;
}

/** The outbound message of a sent notice: no author, the reply request kept in raw (ReplyService). */
export type NoticeMessageRow = MessageRow & { raw: { request: Record<string, unknown> } };

export interface SatisfactionRow {
  case_id: string;
  conversation_id: string;
  contact_id: string;
  channel: string;
  resolution_count: number;
  rating: number | null;
  comment: string | null;
  not_solved: boolean;
  asked_at: string;
  answered_at: string | null;
  message_id: string | null;
}

export interface ContactStateRow {
  contact_id: string;
  channel: string;
  opted_out_at: string;
  opt_out_message_id: string;
  updated_at: string;
}

export interface StatusRequestRow {
  message_id: string;
  conversation_id: string;
  contact_id: string;
  case_number: string;
  answered: boolean;
  asked_at: string;
}

/** The product's automatic loop in the demo history: what it sent, what citizens answered. */
export interface CitizenLoopHistory {
  messages: NoticeMessageRow[];
  notices: CitizenNoticeRow[];
  satisfaction: SatisfactionRow[];
  contactStates: ContactStateRow[];
  statusRequests: StatusRequestRow[];
}

type Columns = Record<string, string>;
type Insert = (table: string, columns: Columns, rows: object[]) => Promise<void>;

/** An automatic notice's message also keeps the reply request in raw, as the notice worker does. */
const NOTICE_MESSAGE: Columns = { ...MESSAGE_COLUMNS, raw: 'jsonb' };
const NOTICE: Columns = {
  id: 'uuid',
  conversation_id: 'uuid',
  case_id: 'uuid',
  contact_id: 'uuid',
  kind: 'text',
  event_key: 'text',
  values: 'jsonb',
  buttons: 'jsonb',
  in_reply_to_message_id: 'uuid',
  state: 'text',
  reason: 'text',
  language: 'text',
  text: 'text',
  message_id: 'uuid',
  created_at: 'timestamptz',
  sent_at: 'timestamptz',
};
const SATISFACTION: Columns = {
  case_id: 'uuid',
  conversation_id: 'uuid',
  contact_id: 'uuid',
  channel: 'text',
  resolution_count: 'int',
  rating: 'smallint',
  comment: 'text',
  not_solved: 'boolean',
  asked_at: 'timestamptz',
  answered_at: 'timestamptz',
  message_id: 'uuid',
};
const CONTACT_STATE: Columns = {
  contact_id: 'uuid',
  channel: 'text',
  opted_out_at: 'timestamptz',
  opt_out_message_id: 'uuid',
  updated_at: 'timestamptz',
};
const STATUS_REQUEST: Columns = {
  message_id: 'uuid',
  conversation_id: 'uuid',
  contact_id: 'uuid',
  case_number: 'text',
  answered: 'boolean',
  asked_at: 'timestamptz',
};

/** After the messages and cases: the notices' messages, the notices, the answers, opt-outs and status queries. */
export async function writeCitizenLoop(loop: CitizenLoopHistory, insert: Insert): Promise<void> {
  await insert('message', NOTICE_MESSAGE, loop.messages);
  await insert('citizen_notice', NOTICE, loop.notices);
  await insert('case_satisfaction', SATISFACTION, loop.satisfaction);
  await insert('citizen_contact_state', CONTACT_STATE, loop.contactStates);
  await insert('case_status_request', STATUS_REQUEST, loop.statusRequests);
}
