import { EXCEL_CSV_FILE } from './excel-csv';
import { localDateTime } from './local-time';

export const README_FILE = 'README.txt';

export interface BundleReadmeFacts {
  organizationName: string;
  exportId: string;
  exportedAt: Date;
  period: { from: string; to: string };
  timeZone: string;
  messageCount: number;
  conversationCount: number;
  /** Every file the bundle holds besides README.txt, manifest.json and manifest.sig. */
  files: string[];
  publicKeyFingerprint: string;
  /** The installation's address (PUBLIC_URL), for the public key's URL; a placeholder when unset. */
  publicUrl: string | null;
  notes: string[];
}

/**
 * README.txt of an export bundle, in Turkish then English: what each file is and how to check the
 * signature. It is listed and hashed in the manifest like every other file, so it is signed too.
 * Plain text with CRLF line ends: Notepad on an auditor's Windows machine shows it as written.
 */
export function bundleReadme(facts: BundleReadmeFacts): string {
  const has = (name: string) => facts.files.includes(name);
  const hasPrefix = (prefix: string) => facts.files.some((file) => file.startsWith(prefix));
  const tz = facts.timeZone;
  const keyUrl = `${facts.publicUrl ? facts.publicUrl.replace(/\/+$/, '') : '<sunucu-adresi / server-address>'}/api/v1/audit/public-key`;
  const when = localDateTime(facts.exportedAt, tz);
  const period = `${localDateTime(facts.period.from, tz)} – ${localDateTime(facts.period.to, tz)} (${tz})`;

  const turkish = [
    'civic-inbox · İmzalı dışa aktarım paketi',
    '========================================',
    `Kurum: ${facts.organizationName}`,
    `Dışa aktarım numarası: ${facts.exportId}`,
    `Hazırlandığı zaman: ${when} (${tz})`,
    `Dönem: ${period}`,
    `Mesaj sayısı: ${facts.messageCount} · Konuşma sayısı: ${facts.conversationCount}`,
    '',
    'Dosyalar',
    '--------',
    has(EXCEL_CSV_FILE)
      ? `- ${EXCEL_CSV_FILE}: Excel için tablo. Alanlar noktalı virgülle (;) ayrılır, UTF-8 (BOM ile), Türkçe başlıklar; saatler ${tz} yerel saatiyle "GG.AA.YYYY SS:DD" biçiminde. "=", "+", "-", "@" ile başlayan hücrelerin başına, Excel bunları formül olarak çalıştırmasın diye kesme işareti (') eklenmiştir. Konumlar koordinat, yer adı ve OpenStreetMap bağlantısıyla yazılır.`
      : null,
    has('messages.csv')
      ? '- messages.csv: Yazılımlar için CSV: virgülle ayrılmış, İngilizce başlıklar, saatler UTC (ISO 8601).'
      : null,
    has('messages.ndjson')
      ? '- messages.ndjson: Her satırda bir mesaj (JSON), tüm alanlarıyla; saatler UTC (ISO 8601).'
      : null,
    hasPrefix('transcripts/')
      ? `- transcripts/*.pdf: Her konuşmanın dökümü (PDF). Dosya adı kişi ve ilk mesajın tarihidir (Ayse-Yilmaz_2026-12-01.pdf); hangi dosyanın hangi konuşma olduğu manifest.json içindeki "transcripts" listesindedir. Saatler ${tz} yerel saatiyle; konumlar koordinat, yer adı ve harita bağlantısıyla.`
      : null,
    hasPrefix('media/')
      ? '- media/<sha256>: Mesajlardaki dosyalar (fotoğraf, belge…); adı, içeriğin SHA-256 özetidir.'
      : null,
    '- manifest.json: Paketteki her dosyanın adı, boyutu ve SHA-256 özeti; dışa aktarımın sorgusu ve denetim kaydı zincirinin o anki son halkası.',
    '- manifest.sig: manifest.json dosyasının Ed25519 imzası (base64).',
    '- README.txt: Bu dosya (o da manifest.json içinde listelenir ve imzalıdır).',
    '',
    'İmzayı doğrulama',
    '----------------',
    `1. Kurumun açık anahtarını indirin: ${keyUrl}`,
    `   Anahtarın parmak izi: ${facts.publicKeyFingerprint}`,
    '2. civic-inbox kurulu bir bilgisayarda:',
    '   npm run cli -- export:verify paket.zip --public-key anahtar.pem',
    '   Her dosya doğruysa komut "OK" yazar; değişmiş ya da eksik her dosyayı adıyla bildirir.',
    '3. civic-inbox olmadan (OpenSSL 3): manifest.sig içeriğini base64 olarak çözün',
    '   (base64 -d manifest.sig > manifest.sig.bin), sonra',
    '   openssl pkeyutl -verify -pubin -inkey anahtar.pem -rawin -in manifest.json -sigfile manifest.sig.bin',
    '   ve her dosyanın SHA-256 özetini (sha256sum) manifest.json içindekiyle karşılaştırın.',
    ...(facts.notes.length > 0
      ? ['', 'Notlar (İngilizce)', '------------------', ...facts.notes.map((n) => `- ${n}`)]
      : []),
  ];

  const english = [
    'civic-inbox · Signed export bundle',
    '==================================',
    `Organization: ${facts.organizationName}`,
    `Export id: ${facts.exportId}`,
    `Created: ${when} (${tz})`,
    `Period: ${period}`,
    `Messages: ${facts.messageCount} · Conversations: ${facts.conversationCount}`,
    '',
    'Files',
    '-----',
    has(EXCEL_CSV_FILE)
      ? `- ${EXCEL_CSV_FILE}: The spreadsheet for Excel in Turkish: semicolon-separated, UTF-8 with BOM, Turkish headers, times in ${tz} local time as "DD.MM.YYYY HH:MM". Cells starting with "=", "+", "-" or "@" get an apostrophe (') in front so Excel does not run them as formulas. Locations are written as coordinates, place name and an OpenStreetMap link.`
      : null,
    has('messages.csv')
      ? '- messages.csv: CSV for software: comma-separated, English headers, times in UTC (ISO 8601).'
      : null,
    has('messages.ndjson')
      ? '- messages.ndjson: One message per line (JSON) with every field; times in UTC (ISO 8601).'
      : null,
    hasPrefix('transcripts/')
      ? `- transcripts/*.pdf: One transcript per conversation (PDF), named by contact and the first message's date; the "transcripts" list in manifest.json says which conversation each file holds. Times in ${tz} local time; locations as coordinates, place name and map link.`
      : null,
    hasPrefix('media/') ? "- media/<sha256>: Files attached to the messages, named by their content's SHA-256." : null,
    "- manifest.json: Every file's name, size and SHA-256, the export's query and the audit chain's head at the time.",
    '- manifest.sig: The Ed25519 signature of manifest.json (base64).',
    '- README.txt: This file (listed in manifest.json and signed as well).',
    '',
    'Verifying the signature',
    '-----------------------',
    `1. Download the organization's public key: ${keyUrl}`,
    `   Key fingerprint: ${facts.publicKeyFingerprint}`,
    '2. On a machine with civic-inbox:',
    '   npm run cli -- export:verify bundle.zip --public-key key.pem',
    '   It prints "OK" when every file matches, and names each changed or missing file otherwise.',
    '3. Without civic-inbox (OpenSSL 3): decode manifest.sig from base64',
    '   (base64 -d manifest.sig > manifest.sig.bin), then',
    '   openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in manifest.json -sigfile manifest.sig.bin',
    "   and compare each file's SHA-256 (sha256sum) with manifest.json.",
  ];

  return [...turkish, '', '', ...english, ''].filter((line): line is string => line !== null).join('\r\n');
}
