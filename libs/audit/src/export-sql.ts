import type { ExportedMessage } from './exported-message';
import { CSV_COLUMNS } from './exported-message';
import { ANONYMOUS_CITIZEN } from './retention-anonymizer';

/** Which personal data an organization masks in its exports (see RetentionSettings). */
export interface ExportMasking {
  phoneNumbers: boolean;
  names: boolean;
}

export const NO_MASKING: ExportMasking = { phoneNumbers: false, names: false };

/** ISO 8601 in UTC with milliseconds, exactly what Date.toISOString() prints. */
function isoUtc(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** "Şükrü Çağlayan" → "Ş*** Ç***": the initials stay so an auditor can still tell people apart. */
export function maskNameSql(column: string): string {
  return `regexp_replace(${column}, '(\\S)\\S*', '\\1***', 'g')`;
}

/** "+905551112233" → "+90 5** *** ** 33"; other numbers keep their last two digits. */
export function maskPhoneSql(column: string): string {
  const digits = `regexp_replace(${column}, '\\D', '', 'g')`;
  return `CASE WHEN ${column} IS NULL THEN NULL
    WHEN ${digits} ~ '^90\\d{10}$' THEN '+90 ' || substr(${digits}, 3, 1) || '** *** ** ' || right(${digits}, 2)
    ELSE regexp_replace(left(${column}, greatest(length(${column}) - 2, 0)), '\\d', '*', 'g') || right(${column}, 2) END`;
}

/**
 * Free text with masking on: the contact's own name (as stored) masked, and anything that looks like a
 * phone number (7+ digits with spaces or brackets, no dashes so dates survive) cut to its last two digits.
 */
function maskTextSql(column: string, masking: ExportMasking): string {
  let sql = column;
  if (masking.names) {
    sql = `CASE WHEN ct.name IS NULL OR ct.name = '' THEN ${sql} ELSE replace(${sql}, ct.name, ${maskNameSql('ct.name')}) END`;
  }
  if (masking.phoneNumbers) {
    sql = `regexp_replace(${sql}, '\\+?\\d[\\d ()]{6,}(\\d\\d)', '*** \\1', 'g')`;
  }
  return sql;
}

/** A channel user id (a WhatsApp thread key is the citizen's phone number): first and last two characters kept. */
function maskIdSql(column: string): string {
  return `CASE WHEN length(${column}) <= 4 THEN repeat('*', length(${column})) ELSE left(${column}, 2) || repeat('*', length(${column}) - 4) || right(${column}, 2) END`;
}

/**
 * The exported columns of one message (aliases m, c, a, ct, u), in ExportedMessage order, with UTC
 * timestamps and masking applied, so NDJSON, CSV and PDF all read the same, already final values.
 */
export function exportColumnsSql(masking: ExportMasking): string {
  // Already anonymized contacts read "Anonim vatandaş", not "A*** v***".
  const name = (column: string) =>
    masking.names
      ? `CASE WHEN ${column} = '${ANONYMOUS_CITIZEN}' THEN ${column} ELSE ${maskNameSql(column)} END`
      : column;
  const phone = (column: string) => (masking.phoneNumbers ? maskPhoneSql(column) : column);
  const threadKey =
    masking.phoneNumbers || masking.names
      ? `CASE WHEN c.kind = 'direct' AND c.thread_key NOT LIKE 'anon:%' THEN ${maskIdSql('c.thread_key')} ELSE c.thread_key END`
      : 'c.thread_key';
  // Raw channel payloads repeat the citizen's name and number in channel-specific places: left out when masking.
  const masked = masking.phoneNumbers || masking.names;
  const raw = masked ? 'NULL::jsonb' : 'm.raw';
  const editHistory = masked
    ? `(SELECT coalesce(jsonb_agg(jsonb_set(e, '{text}', coalesce(to_jsonb(${maskTextSql("e->>'text'", masking)}), 'null'::jsonb))), '[]'::jsonb)
        FROM jsonb_array_elements(m.edit_history) e)`
    : 'm.edit_history';
  // Captions are masked like text; file names, location pins and shared contact cards are left out.
  const attachments = masked
    ? `(SELECT coalesce(jsonb_agg(e - 'caption' - 'fileName' - 'location' - 'contact'
          || CASE WHEN e ? 'caption' THEN jsonb_build_object('caption', ${maskTextSql("e->>'caption'", masking)}) ELSE '{}'::jsonb END), '[]'::jsonb)
        FROM jsonb_array_elements(m.attachments) e)`
    : 'm.attachments';
  const columns: Record<keyof ExportedMessage, string> = {
    id: 'm.id',
    organizationId: 'm.organization_id',
    channel: 'm.channel',
    channelAccountId: 'm.channel_account_id',
    accountName: 'a.name',
    accountHandle: 'a.handle',
    conversationId: 'm.conversation_id',
    conversationKind: 'c.kind',
    threadKey,
    externalId: 'm.external_id',
    direction: 'm.direction',
    kind: 'm.kind',
    text: maskTextSql('m.text', masking),
    attachments,
    parentMessageId: 'm.parent_message_id',
    parentExternalId: 'm.parent_external_id',
    contactId: 'm.contact_id',
    contactName: name('ct.name'),
    contactHandle: name('ct.handle'),
    contactPhone: phone('ct.phone'),
    authorUserId: 'm.author_user_id',
    authorName: 'u.display_name',
    sentAt: isoUtc('m.sent_at'),
    receivedAt: isoUtc('m.received_at'),
    deliveryState: 'm.delivery_state',
    deliveryError: 'm.delivery_error',
    deliveryUpdatedAt: isoUtc('m.delivery_updated_at'),
    edited: 'm.edited',
    editHistory,
    deleted: 'm.deleted',
    deletedAt: isoUtc('m.deleted_at'),
    raw,
  };
  return Object.entries(columns)
    .map(([alias, sql]) => `${sql} AS "${alias}"`)
    .join(',\n  ');
}

export const EXPORT_FROM_SQL = `FROM message m
JOIN conversation c ON c.id = m.conversation_id
JOIN channel_account a ON a.id = m.channel_account_id
LEFT JOIN contact ct ON ct.id = m.contact_id
LEFT JOIN app_user u ON u.id = m.author_user_id`;

// Cells Excel would evaluate as formulas (CSV injection) when they start with = + - @ tab or CR.
const FREE_TEXT = new Set<keyof ExportedMessage>(['text', 'contactName', 'contactHandle', 'accountName', 'authorName']);
// Values that never hold a quote, comma or line break (ids, ISO timestamps, enum words): written bare.
const BARE = new Set<keyof ExportedMessage>([
  'id',
  'sentAt',
  'receivedAt',
  'channel',
  'channelAccountId',
  'conversationId',
  'direction',
  'kind',
  'contactId',
  'authorUserId',
  'deliveryState',
  'deletedAt',
]);

/**
 * One CSV line (RFC 4180, without its line end) built by PostgreSQL from the exported columns of `record`. Text cells
 * are always quoted, which costs less than looking for characters that need it; NULL is an empty cell;
 * free text starting like a formula gets an apostrophe in front.
 */
export function csvLineSql(record: string): string {
  const cells = CSV_COLUMNS.map((column) => {
    const ref = `${record}."${column}"`;
    if (column === 'edited' || column === 'deleted') {
      return `CASE WHEN ${ref} THEN 'true' WHEN NOT ${ref} THEN 'false' ELSE '' END`;
    }
    if (BARE.has(column)) {
      return `coalesce(${ref}::text, '')`;
    }
    // Attachments are listed by type, e.g. "image;location".
    const text =
      column === 'attachments'
        ? `(SELECT string_agg(coalesce(e->>'type', ''), ';') FROM jsonb_array_elements(${ref}) e)`
        : FREE_TEXT.has(column)
          ? `CASE WHEN left(${ref}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') THEN '''' || ${ref} ELSE ${ref} END`
          : ref;
    return `coalesce('"' || replace(${text}, '"', '""') || '"', '')`;
  });
  return cells.join(` || ',' || `);
}
