import { coordinatesSql, openStreetMapUrlSql } from './map-link';

/** The spreadsheet for Turkish Excel, beside the machine formats (messages.csv, messages.ndjson). */
export const EXCEL_CSV_FILE = 'mesajlar-excel.csv';

/**
 * Turkish Excel reads ";"-separated files (its list separator, since "," is the decimal comma) and
 * UTF-8 only with a byte order mark; times are written in the organization's time zone the way a
 * Turkish reader writes them ("06.12.2026 14:05"), not as UTC ISO strings.
 */
export const EXCEL_SEPARATOR = ';';

const CHANNEL = `CASE r.channel WHEN 'whatsapp' THEN 'WhatsApp' WHEN 'facebook' THEN 'Facebook'
  WHEN 'instagram' THEN 'Instagram' WHEN 'twitter' THEN 'X (Twitter)' ELSE r.channel END`;
const DIRECTION = `CASE r.direction WHEN 'in' THEN 'Gelen' WHEN 'out' THEN 'Giden' ELSE r.direction END`;
const KIND = `CASE r.kind WHEN 'dm' THEN 'Özel mesaj' WHEN 'post' THEN 'Gönderi' WHEN 'comment' THEN 'Yorum'
  WHEN 'reply' THEN 'Yanıt' WHEN 'mention' THEN 'Bahsedilme' WHEN 'story_mention' THEN 'Hikâyede bahsedilme'
  WHEN 'reaction' THEN 'Tepki' ELSE r.kind END`;
const DELIVERY = `CASE r."deliveryState" WHEN 'queued' THEN 'Sırada' WHEN 'sent' THEN 'Gönderildi'
  WHEN 'delivered' THEN 'İletildi' WHEN 'read' THEN 'Okundu' WHEN 'failed' THEN 'Gönderilemedi' ELSE r."deliveryState" END`;
const ATTACHMENT = `CASE e->>'type' WHEN 'image' THEN 'Fotoğraf' WHEN 'video' THEN 'Video' WHEN 'audio' THEN 'Ses'
  WHEN 'document' THEN 'Belge' WHEN 'sticker' THEN 'Çıkartma' WHEN 'location' THEN 'Konum'
  WHEN 'contact' THEN 'Kişi kartı' WHEN 'link' THEN 'Bağlantı' ELSE e->>'type' END`;
const LOCATION = `(SELECT e->'location' FROM jsonb_array_elements(r.attachments) e
  WHERE jsonb_typeof(e->'location') = 'object' AND (e->'location') ? 'latitude' LIMIT 1)`;
const yesNo = (column: string) => `CASE WHEN ${column} THEN 'Evet' WHEN NOT ${column} THEN 'Hayır' END`;

/** Header and cell (SQL over the exported record `r` and the time zone literal) of each column, in order. */
function columns(timeZone: string): Array<[string, string]> {
  // The record's times are UTC ISO strings already (what NDJSON and messages.csv carry).
  const local = (column: string) =>
    `to_char((r."${column}")::timestamptz AT TIME ZONE ${timeZone}, 'DD.MM.YYYY HH24:MI')`;
  return [
    ['Gönderilme zamanı', local('sentAt')],
    ['Alınma zamanı', local('receivedAt')],
    ['Kanal', CHANNEL],
    ['Hesap', 'r."accountName"'],
    ['Yön', DIRECTION],
    ['Tür', KIND],
    ['Kişi', 'r."contactName"'],
    ['Kullanıcı adı', 'r."contactHandle"'],
    ['Telefon', 'r."contactPhone"'],
    ['Yanıtlayan personel', 'r."authorName"'],
    ['Mesaj', 'r.text'],
    ['Ekler', `(SELECT string_agg(${ATTACHMENT}, ', ') FROM jsonb_array_elements(r.attachments) e)`],
    [
      'Konum',
      `(SELECT ${coordinatesSql('l')} || coalesce(' · ' || nullif(concat_ws(', ', l->>'name', l->>'address'), ''), '')
        FROM (SELECT ${LOCATION} AS l) x WHERE l IS NOT NULL)`,
    ],
    ['Harita bağlantısı', `(SELECT ${openStreetMapUrlSql('l')} FROM (SELECT ${LOCATION} AS l) x WHERE l IS NOT NULL)`],
    ['Teslim durumu', DELIVERY],
    ['Düzenlendi', yesNo('r.edited')],
    ['Silindi', yesNo('r.deleted')],
    ['Silinme zamanı', local('deletedAt')],
    ['Konuşma numarası', 'r."conversationId"::text'],
    ['Mesaj numarası', 'r.id::text'],
  ];
}

export const EXCEL_HEADERS: readonly string[] = columns("'UTC'").map(([header]) => header);

/** The header line, with the byte order mark Excel needs to read UTF-8. */
export function excelCsvHead(): string {
  return `\uFEFF${EXCEL_HEADERS.map(excelCell).join(EXCEL_SEPARATOR)}\r\n`;
}

/** A header cell in JavaScript, quoted like the rows' cells. */
function excelCell(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The spreadsheet's cells of the exported record `r`, each computed once (the line below refers to
 * each cell three times): a lateral join to place after the record's own.
 */
export function excelCellsLateralSql(timeZone: string): string {
  const cells = columns(timeZone).map(([, sql], index) => `${sql} AS "c${index}"`);
  return `CROSS JOIN LATERAL (SELECT ${cells.join(',\n  ')} OFFSET 0) xl`;
}

/**
 * One line of the spreadsheet (without its line end) over the cells of excelCellsLateralSql. Every
 * cell is quoted; a cell that starts with = + - @, a tab or a carriage return gets an apostrophe in
 * front, so Excel shows it as text instead of running it as a formula (CSV injection): that holds
 * for names, phone numbers ("+90…") and handles as much as for message texts.
 */
export function excelCsvLineSql(): string {
  return EXCEL_HEADERS.map((_, index) => {
    const value = `xl."c${index}"`;
    const safe = `CASE WHEN left(${value}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') THEN '''' || ${value} ELSE ${value} END`;
    return `coalesce('"' || replace(${safe}, '"', '""') || '"', '')`;
  }).join(` || '${EXCEL_SEPARATOR}' || `);
}
