import { foldForSearch, parseCaseNumber } from '@civic/domain';

/**
 * What a status query looks like, on the folded text (Turkish lower case, no diacritics, single
 * spaces), as a whole message and nothing more, so a request that merely mentions its number
 * ("2026-000123 numaralı başvurum hâlâ çözülmedi, su akıyor") is not taken for a query:
 *
 *   [prefix] NUMBER [suffix] [? . ! …]
 *
 * prefix: durum, durumu, status, sorgu, sorgula, başvuru, başvurum, başvuru no, başvuru durumu,
 *         başvurumun durumu, no — each optionally followed by ':' or '-'
 * NUMBER: a case number, leading zeros optional: 2026-000123, 2026-123, 2026/123, #2026-123
 * suffix: [numaralı başvuru(m|mun|nun)] then one of: ne oldu, ne durumda, ne aşamada, hangi
 *         aşamada, durum, durumu [nedir|ne|ne oldu|nasıl], nedir, status
 */
const PREFIX = String.raw`(?:(?:durum|durumu|status|sorgu|sorgula|basvuru durumu|basvurumun durumu|basvuru no|basvuru|basvurum|no)\s*[:-]?\s*)?`;
const NUMBER = String.raw`(#?2\d{3}\s?[-/]\s?\d{1,9})`;
const SUFFIX = String.raw`(?:\s+(?:numarali\s+basvuru(?:m|mun|nun)?\s+)?(?:ne oldu|ne durumda|ne asamada|hangi asamada|durumu?(?:\s+(?:nedir|ne oldu|ne|nasil))?|nedir|status))?`;
const QUERY = new RegExp(`^${PREFIX}${NUMBER}${SUFFIX}$`);
const TRAILING = /[\s?.!…]+$/u;
const QUOTES = /^["'“”‘’«»]+|["'“”‘’«»]+$/gu;

/** The canonical case number the message asks about, or null when the message is not a status query. */
export function parseStatusRequest(text: string | null | undefined): string | null {
  const folded = foldForSearch(text).replace(QUOTES, '').replace(TRAILING, '').trim();
  if (!folded || folded.length > 80) {
    return null;
  }
  const match = QUERY.exec(folded);
  return match ? parseCaseNumber(match[1]) : null;
}
