import type { EntityManager } from 'typeorm';
import { writeCitizenLoop } from './citizen-loop-rows';
import type { CaseRow, DemoHistory } from './demo-history.types';
import { MESSAGE_COLUMNS as MESSAGE } from './message-columns';

type Columns = Record<string, string>;

const CONTACT: Columns = {
  id: 'uuid',
  channel_account_id: 'uuid',
  channel: 'text',
  channel_user_id: 'text',
  name: 'text',
  handle: 'text',
  phone: 'text',
  search_text: 'text',
  created_at: 'timestamptz',
  last_seen_at: 'timestamptz',
};
const CONVERSATION: Columns = {
  id: 'uuid',
  channel_account_id: 'uuid',
  channel: 'text',
  kind: 'text',
  thread_key: 'text',
  root_external_id: 'text',
  contact_id: 'uuid',
  status: 'text',
  assignee_id: 'uuid',
  last_activity_at: 'timestamptz',
  last_inbound_at: 'timestamptz',
  reply_window_expires_at: 'timestamptz',
  first_inbound_at: 'timestamptz',
  first_response_at: 'timestamptz',
  first_response_user_id: 'uuid',
  resolved_at: 'timestamptz',
  resolved_by_user_id: 'uuid',
  last_message_preview: 'text',
  message_count: 'int',
  unread_count: 'int',
  created_at: 'timestamptz',
};
const ACTIVITY: Columns = {
  id: 'uuid',
  conversation_id: 'uuid',
  actor_user_id: 'uuid',
  type: 'text',
  data: 'jsonb',
  created_at: 'timestamptz',
};
const CASE: Columns = {
  id: 'uuid',
  number: 'int',
  case_number: 'text',
  conversation_id: 'uuid',
  message_id: 'uuid',
  contact_id: 'uuid',
  channel: 'text',
  channel_account_id: 'uuid',
  category_id: 'uuid',
  department_id: 'uuid',
  external_body_id: 'uuid',
  assignee_user_id: 'uuid',
  description: 'text',
  priority: 'text',
  status: 'text',
  latitude: 'float8',
  longitude: 'float8',
  location_label: 'text',
  photos: 'jsonb',
  due_at: 'timestamptz',
  at_risk_at: 'timestamptz',
  resolution_text: 'text',
  rejection_reason: 'text',
  first_resolved_at: 'timestamptz',
  resolved_at: 'timestamptz',
  rejected_at: 'timestamptz',
  resolution_count: 'int',
  merged_into_case_id: 'uuid',
  merged_at: 'timestamptz',
  created_by_user_id: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};
const CASE_HISTORY: Columns = {
  id: 'uuid',
  case_id: 'uuid',
  actor_user_id: 'uuid',
  actor_label: 'text',
  action: 'text',
  before: 'jsonb',
  after: 'jsonb',
  note: 'text',
  occurred_at: 'timestamptz',
};
const CASE_FORWARD: Columns = {
  id: 'uuid',
  case_id: 'uuid',
  external_body_id: 'uuid',
  transport: 'text',
  target: 'text',
  payload: 'jsonb',
  status: 'text',
  attempts: 'int',
  response_status: 'int',
  sent_at: 'timestamptz',
  created_by_user_id: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};
const WATCHLIST: Columns = {
  id: 'uuid',
  name: 'text',
  terms: 'text[]',
  handles: 'text[]',
  hashtags: 'text[]',
  exclusion_terms: 'text[]',
  created_at: 'timestamptz',
};
const MENTION: Columns = {
  id: 'uuid',
  watchlist_id: 'uuid',
  message_id: 'uuid',
  channel: 'text',
  external_id: 'text',
  source: 'text',
  author_external_id: 'text',
  author_name: 'text',
  author_handle: 'text',
  text: 'text',
  search_text: 'text',
  url: 'text',
  matched_terms: 'text[]',
  published_at: 'timestamptz',
  author_followers: 'int',
  like_count: 'int',
  repost_count: 'int',
  reply_count: 'int',
  reach: 'int',
};
const ALERT: Columns = {
  id: 'uuid',
  watchlist_id: 'uuid',
  opened_at: 'timestamptz',
  closed_at: 'timestamptz',
  hour_count: 'int',
  peak_count: 'int',
  median_daily: 'float8',
  threshold: 'float8',
};

/**
 * Writes a generated history with multi-row inserts (one statement per table and chunk, rows as one
 * jsonb parameter), in dependency order: citizens, threads, messages, conversation history, cases with
 * their history and forwards, watchlists, mentions and alerts.
 */
export class DemoHistoryWriter {
  constructor(
    private readonly manager: EntityManager,
    private readonly organizationId: string,
    /** Called between statements: the embedded database serves other connections in between. */
    private readonly pause: () => Promise<void> = async () => undefined,
    /** Rows per statement: few round trips on a server; short statements on the embedded database, whose one queue the api waits in. */
    private readonly chunk = 1500,
  ) {}

  async write(history: DemoHistory, scannedUntil: Date): Promise<Record<string, number>> {
    await this.insert('contact', CONTACT, history.contacts);
    await this.insert('conversation', CONVERSATION, history.conversations);
    await this.insert('message', MESSAGE, history.messages);
    await this.insert('conversation_activity', ACTIVITY, history.activities);
    await this.insert('civic_case', CASE, history.cases);
    await this.advanceCaseNumbers(history.cases);
    await this.insert('case_history', CASE_HISTORY, history.caseHistory);
    await this.insert('case_forward', CASE_FORWARD, history.forwards);
    await writeCitizenLoop(history.loop, (table, columns, rows) => this.insert(table, columns, rows));
    // The inbox scanner starts after the history: its mentions are written here, in bulk.
    await this.insert('mention_watchlist', WATCHLIST, history.watchlists, {
      scanned_received_at: ['timestamptz', scannedUntil.toISOString()],
      updated_at: ['timestamptz', scannedUntil.toISOString()],
    });
    await this.insert('mention', MENTION, history.mentions);
    await this.insert('mention_alert', ALERT, history.alerts);
    return {
      contacts: history.contacts.length,
      conversations: history.conversations.length,
      messages: history.messages.length + history.loop.messages.length,
      cases: history.cases.length,
      caseHistory: history.caseHistory.length,
      mentions: history.mentions.length,
      alerts: history.alerts.length,
    };
  }

  /** The cases bring their own readable numbers: the next opened case continues after the last of each year. */
  private async advanceCaseNumbers(cases: CaseRow[]): Promise<void> {
    const last = new Map<number, number>();
    for (const c of cases) {
      const [year, sequence] = c.case_number.split('-').map(Number);
      last.set(year, Math.max(last.get(year) ?? 0, sequence));
    }
    if (last.size === 0) {
      return;
    }
    await this.manager.query(
      `INSERT INTO case_number_sequence AS q (organization_id, year, last_value)
       SELECT $1, y, v FROM unnest($2::int[], $3::int[]) AS t(y, v)
       ON CONFLICT (organization_id, year) DO UPDATE SET last_value = greatest(q.last_value, excluded.last_value)`,
      [this.organizationId, [...last.keys()], [...last.values()]],
    );
  }

  private async insert(
    table: string,
    columns: Columns,
    rows: object[],
    constants: Record<string, [string, string]> = {},
  ): Promise<void> {
    const names = Object.keys(columns);
    const extra = Object.keys(constants);
    const sql = `INSERT INTO ${table} (organization_id, ${[...names, ...extra].join(', ')})
      SELECT $1, ${names.map((n) => `r.${n}`).join(', ')}${extra.map((name, i) => `, $${i + 3}::${constants[name][0]}`).join('')}
        FROM jsonb_to_recordset($2::jsonb) AS r(${names.map((n) => `${n} ${columns[n]}`).join(', ')})`;
    for (let i = 0; i < rows.length; i += this.chunk) {
      await this.manager.query(sql, [
        this.organizationId,
        JSON.stringify(rows.slice(i, i + this.chunk)),
        ...Object.values(constants).map(([, value]) => value),
      ]);
      await this.pause();
    }
  }
}
