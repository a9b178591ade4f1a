import type { CaseCounts, CaseStats } from './case-stats.service';
import { satisfactionCsvRows } from './satisfaction/satisfaction-stats-csv';

/** Byte order mark: Excel reads a CSV as UTF-8 (Turkish letters intact) only when it starts with one. */
export const UTF8_BOM = '\uFEFF';
const SEP = ';';
const EOL = '\r\n';

const CHANNEL_NAMES: Record<string, string> = {
  whatsapp: 'WhatsApp',
  facebook: 'Facebook',
  instagram: 'Instagram',
  twitter: 'X (Twitter)',
};

/** How a case arrived, in the words of the statistics screen. */
const SOURCE_NAMES: Record<string, string> = {
  social: 'Sosyal medya ve WhatsApp',
  phone: 'Telefon',
  walk_in: 'Yüz yüze',
  email: 'E-posta',
  cimer: 'CİMER',
  other: 'Diğer',
  open311: 'Kent uygulaması (Open311)',
};

/**
 * The statistics as a CSV Turkish Excel opens with a double click: UTF-8 with BOM, `;` as the
 * separator and a decimal comma (the Turkish list separator and decimal mark), CRLF lines.
 * First table: one row per bucket (totals, department, category, channel, account, neighbourhood, source, day); second
 * table after an empty line: the time measures in hours.
 */
export function caseStatsCsv(stats: CaseStats): string {
  const rows: (string | number | null)[][] = [['Bölüm', 'Ad', 'Alınan', 'Çözülen', 'Reddedilen', 'Açık']];
  const counts = (c: CaseCounts) => [c.received, c.resolved, c.rejected, c.open];
  rows.push(['Toplam', `${stats.from} – ${stats.to}`, ...counts(stats)]);
  for (const d of stats.byDepartment) {
    rows.push(['Müdürlük', d.name ?? '(atanmamış)', ...counts(d)]);
  }
  for (const c of stats.byCategory) {
    rows.push(['Kategori', c.name, ...counts(c)]);
  }
  for (const c of stats.byChannel) {
    rows.push(['Kanal', CHANNEL_NAMES[c.channel] ?? c.channel, ...counts(c)]);
  }
  for (const a of stats.byAccount) {
    rows.push(['Hesap', `${a.name ?? a.channelAccountId} (${CHANNEL_NAMES[a.channel] ?? a.channel})`, ...counts(a)]);
  }
  for (const n of stats.byNeighbourhood) {
    rows.push(['Mahalle', n.name ?? '(mahallesi belirsiz)', ...counts(n)]);
  }
  for (const s of stats.bySource) {
    rows.push(['Kaynak', SOURCE_NAMES[s.source] ?? s.source, ...counts(s)]);
  }
  // Per day: received that day, and first resolutions that day; rejected/open have no day.
  for (const d of stats.perDay) {
    rows.push(['Gün', d.date, d.received, d.resolved, null, null]);
  }
  rows.push([]);
  rows.push(['Ölçü', 'Değer']);
  rows.push(['Zaman dilimi', stats.timeZone]);
  rows.push(['En az bir kez çözülen', stats.resolvedEver]);
  rows.push(['Süresinde çözülen', stats.resolvedWithinSla]);
  rows.push(['Süresinde çözülme oranı', stats.resolvedWithinSlaShare]);
  rows.push(['Yanıtlanan', stats.responded]);
  rows.push(['İlk yanıta kadar medyan (saat)', stats.timeToFirstResponseHours.median]);
  rows.push(['İlk yanıta kadar p90 (saat)', stats.timeToFirstResponseHours.p90]);
  rows.push(['İlk çözüme kadar medyan (saat)', stats.timeToResolutionHours.median]);
  rows.push(['İlk çözüme kadar p90 (saat)', stats.timeToResolutionHours.p90]);
  rows.push(['Son çözüme kadar medyan (saat)', stats.timeToFinalResolutionHours.median]);
  rows.push(['Son çözüme kadar p90 (saat)', stats.timeToFinalResolutionHours.p90]);
  rows.push([], ...satisfactionCsvRows(stats.satisfaction));
  return UTF8_BOM + rows.map((r) => r.map(cell).join(SEP)).join(EOL) + EOL;
}

function cell(value: string | number | null): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number') {
    return String(value).replace('.', ',');
  }
  // Quote when needed; a leading = + - @ would be run as a formula by Excel (CSV injection).
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
