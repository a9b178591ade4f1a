import { foldArabic, foldText } from './reading-text';
import type { TextReading, UrgencyResult } from './text-reading';
import type { DangerPattern } from './urgency-patterns';
import { EXPOSED, HASTE, STRONG, WEAK } from './urgency-patterns';

const W = '[\\p{L}\\p{N}]';
const B = `(?<!${W})`;
const E = `(?!${W})`;
const rx = (source: string, flags = 'u') => new RegExp(`${B}(?:${foldArabic(source)})${E}`, flags);

/** Figures of speech that use danger words: "ateş pahası", "sel gibi para", "içim yanıyor". */
const FIGURATIVE = rx(
  'ates pahas\\w*|ates gibi|sel gibi|yangin yeri|kan aglıyor|kan agliyor|icim yan\\w*|cebim\\w* yan\\w*|ocag\\w* yan\\w*|yangindan mal kacir\\w*|kablo ?tv|kablonet|internet kablo\\w*|tv kablo\\w*|uydu kablo\\w*|telefon kablo\\w*|fire hydrant|yangin (?:tupu|merdiven\\w*|cikis\\w*|muslug\\w*|alarm\\w*|sigorta\\w*)',
  'gu',
);
/** Bills and prices: "elektrik faturası yangın gibi", "doğalgaz faturası ateş pahası". */
const MONEY = rx(
  'fatura\\w*|zam|zamlar|fiyat\\w*|ucret\\w*|bedel\\w*|borc\\w*|bill|bills|فاتورة|فاتورة\\S*|fature\\w*',
);
/** A sentence about a danger that is over or long ago. */
const PAST = rx(
  'dun|dunku|gecen (?:sene|yil|ay|hafta|kis|yaz|gun|aksam|gece)\\w*|seneki|yilki|haftaki|ayki|evvelki|onceki|(?:\\d+|bir|iki|uc) (?:gun|hafta|ay|yil|sene) once|\\w+(?:misti|mustu)|last (?:year|month|week|night|winter|summer)|yesterday|الماضي|الماضية|الماضيه|مبارح|امبارح|duh|bori|par',
);
/** Today against the past in the same sentence: "geçen hafta azdı bugün arttı". */
const NOW = rx('bugun|su an|simdi|now|today|هلأ|هلق|niha|iro');
/** Someone came and it is dealt with. */
const HANDLED = rx(
  'halletti\\w*|halledildi|halloldu|giderildi|sonduruldu|sonduruldu|sondurdu\\w*|kaldirdi\\w*|tamir (?:edildi|etti\\w*)|duzeltildi|onarildi|kontrol edip|sizinti yok\\w*|zarar gormedi|sorun kalmadi|gelip (?:bakti|kontrol)\\w*|fixed|resolved|sorted|cleared|تم اصلاح|اصلحوا|sererast|careser',
);
/** …unless it is back or still there. */
const STILL = rx('hala|yine|tekrar|su an|simdi|again|still|now|هلأ|لسا|hîn|hin|niha');
/** A danger named as a question of procedure, not a report: "gaz kokusu alınca kimi arayalım". */
const PROCEDURE = rx(
  'ne yapmal\\w*|kimi aramal\\w*|hangi numara\\w*|nasil bildir\\w*|nereye bildir\\w*|ne yapilmali|who do i call|what should we do',
);
/** Said of the danger right after it: it is not there ("gaz kokusu yok"), or only supposed ("…olursa", "…alınca"). */
const DENIED_AFTER = new RegExp(
  `^[^\\p{L}\\p{N}]*(?:${W}+ )?(?:yok|yokmus|yoktu|kalmadi|gitti|gecti|gelmiyor)${E}`,
  'u',
);
const SUPPOSED_AFTER = new RegExp(
  `^[^\\p{L}\\p{N}]*(?:${W}+ )?${W}*(?:[aeiu]rs[ae]|[iu]nc[ae]|durumunda|halinde)${E}`,
  'u',
);
const SUPPOSED_SELF = /(?:[iu]nc[ae]|[aeiu]rs[ae])$/;
/** Abbreviations after which a full stop does not end the sentence. */
const ABBREVIATION = /(?:^|\s)(?:sk|sok|cd|cad|mah|mh|no|apt|blv|bulv|dr|st|rd|ave|nr)\.$/;

interface Hit {
  term: string;
  kind: DangerPattern['kind'];
}

/**
 * Is a message about danger to people now: gas, a live or fallen cable, a collapse, water in homes,
 * a person hurt or attacked, fire? Strong patterns decide alone; weak ones (a leaning tree, an open
 * manhole) only with people exposed or a call for haste. A sentence about money, about the past
 * ("geçen seneki yangın") or a procedure, a danger denied ("kokusu yok") or supposed ("olursa"),
 * and a message saying it was dealt with, are not urgent. `terms` are the words as written.
 */
export class UrgencyReading implements TextReading<UrgencyResult> {
  readonly name = 'urgency';

  read(text: string): UrgencyResult {
    const folded = foldText(text).replace(FIGURATIVE, (m) => ' '.repeat(m.length));
    const strong: Hit[] = [];
    const weak: Hit[] = [];
    for (const sentence of sentencesOf(folded)) {
      if (MONEY.test(sentence) || (PAST.test(sentence) && !NOW.test(sentence)) || PROCEDURE.test(sentence)) {
        continue;
      }
      strong.push(...hitsIn(sentence, STRONG));
      weak.push(...hitsIn(sentence, WEAK));
    }
    if ((strong.length === 0 && weak.length === 0) || (HANDLED.test(folded) && !STILL.test(folded))) {
      return { urgent: false, terms: [] };
    }
    const exposed = firstMatch(folded, EXPOSED);
    const haste = firstMatch(folded, HASTE) ?? (/!\s*!/.test(text) ? '!!' : null);
    if (strong.length === 0 && !exposed && !haste) {
      return { urgent: false, terms: [] };
    }
    const terms =
      strong.length > 0
        ? strong
        : [
            ...weak,
            ...[exposed, haste].filter((t): t is string => !!t).map((term) => ({ term, kind: 'person' as const })),
          ];
    return { urgent: true, terms: unique(terms.map((h) => asWritten(text, h.term))) };
  }
}

function hitsIn(sentence: string, patterns: DangerPattern[]): Hit[] {
  const hits: Hit[] = [];
  for (const { kind, pattern } of patterns) {
    pattern.lastIndex = 0;
    for (const m of sentence.matchAll(pattern)) {
      const term = m[0].trim();
      const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 30);
      if (DENIED_AFTER.test(after) || SUPPOSED_AFTER.test(after) || SUPPOSED_SELF.test(term)) {
        continue;
      }
      hits.push({ term, kind });
    }
  }
  return hits;
}

/** Sentences of a folded text: split at . ! ? and new lines, not after "Sk." or "No.". */
function sentencesOf(folded: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i];
    if (
      ch === '\n' ||
      ch === '!' ||
      ch === '?' ||
      (ch === '.' && !ABBREVIATION.test(folded.slice(Math.max(0, i - 6), i + 1)) && !/\d/.test(folded[i - 1] ?? ''))
    ) {
      out.push(folded.slice(start, i));
      start = i + 1;
    }
  }
  out.push(folded.slice(start));
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

function firstMatch(text: string, pattern: RegExp): string | null {
  pattern.lastIndex = 0;
  return pattern.exec(text)?.[0] ?? null;
}

/** The words of a folded term as the citizen wrote them ("kivilcim" → "kıvılcım"), by word position. */
function asWritten(text: string, term: string): string {
  const original = text.replace(/['’‘`´]/g, '');
  const written = [...original.matchAll(/[\p{L}\p{M}\p{N}]+/gu)];
  const folded = written.map((m) => foldText(m[0]));
  const words = term.match(/[\p{L}\p{N}]+/gu) ?? [];
  for (let i = 0; words.length > 0 && i + words.length <= folded.length; i++) {
    if (words.every((w, k) => folded[i + k] === w)) {
      const first = written[i];
      const last = written[i + words.length - 1];
      return original.slice(first.index, last.index + last[0].length);
    }
  }
  return term;
}

function unique(terms: string[]): string[] {
  return [...new Set(terms)];
}
