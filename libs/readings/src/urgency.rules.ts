import { foldText, wordPattern } from './reading-text';
import type { DangerConcept } from './urgency-concepts';
import { CONCEPTS } from './urgency-concepts';
import { STRONG_PARAPHRASES, WEAK_PARAPHRASES } from './urgency-paraphrases';
import type { DangerPattern } from './urgency-patterns';
import { combined, EXPOSED, HASTE, STRONG, WEAK } from './urgency-patterns';
import { asWrittenTerms } from './urgency-terms';
import type { WordStartScanner } from './word-start.scanner';
import { scannerOf } from './word-start.scanner';

const W = '[\\p{L}\\p{N}]';
/** Latin-letter strong patterns in one scan; the few in Arabic letters run alone, and only on Arabic text. */
const STRONG_ALL = [...STRONG, ...STRONG_PARAPHRASES];
const WEAK_ALL = [...WEAK, ...WEAK_PARAPHRASES];
const STRONG_LATIN = combined(STRONG_ALL.filter((p) => !/[\u0600-\u06FF]/.test(p.pattern.source)));
const STRONG_ARABIC = STRONG_ALL.filter((p) => /[\u0600-\u06FF]/.test(p.pattern.source));
const EXPOSED_SCAN = scannerOf(EXPOSED)!;
const HASTE_SCAN = scannerOf(HASTE)!;
const E = `(?!${W})`;
const rx = (source: string, flags = 'u') => wordPattern(source, flags);

/** Figures of speech that use danger words: "ateş pahası", "sel gibi para", "içim yanıyor". */
const FIGURATIVE = rx(
  'ates pahas\\w*|ates gibi|sel gibi|yangin yeri|kan agliyor|icim yan\\w*|cebim\\w* yan\\w*|ocag\\w* yan\\w*|yangindan mal kacir\\w*|kablo ?tv\\w*(?: kablo\\w*)?|kablonet|internet kablo\\w*|tv kablo\\w*|uydu kablo\\w*|telefon kablo\\w*|fire (?:hydrant|station|exit|escape|alarm|extinguisher|door)s?|yangin (?:tupu|merdiven\\w*|cikis\\w*|muslug\\w*|alarm\\w*|sigorta\\w*)|baca\\w* duman\\w*|(?:soba|baca|kombi|egzoz|fabrika)\\w* dumani\\w*|hava kirlilig\\w*|(?:yangin|kaza|olum|facia)\\w* (?:riski|tehlikesi|cikabilir|olabilir|cikmadan|olmadan|olmasin|cikmasin|bekliyor\\w*)|(?:itfaiye|ambulans)\\w* (?:[\\p{L}\\p{N}]+ ){0,3}(?:gecemez|giremez|gecemiyor|giremiyor|gelemez|gecebilir mi|girebilir mi)\\w*' +
    // Idioms: "tozdan boğulduk", "sinirden patladık", "gaz vermek", "prices on fire", "الاسعار نار".
    '|atesi var|atesi cikti|atesi yuksel\\w*|atesim (?:var|cikti)|yuksek ates\\w*|yangin (?:tatbikat|egitim|sondurme|guvenlig|yonetmelig|dolab|hidrant|kapi)\\w*|fire (?:department|safety|risk|hazard|regulations|inspection|code)s?|(?:no ?one|nobody|noone) (?:\\w+ ){0,2}(?:hurt|injured)|(?:wasn\\w* |was not |were not |not )(?:hurt|injured)|(?:people|they|kids|teenagers|men|drivers|neighbou?rs?) (?:\\w+ )?smok\\w*|smok\\w* (?:cigarettes?|weed|shisha|hookah)|cigarette smoke|(?:ambulance|fire (?:engine|truck))s? (?:\\w+ ){0,3}(?:can\\w*|cannot|could not|couldn\\w*) (?:get|pass|enter)|دخان (?:ال)?(?:اراكيل|اركيلة|سجاير|سجائر|سيجارة)\\S*' +
    '|(?:kalabalik|tikis|tika basa|sardalye|sardalya|izdiham|havasiz)\\w* (?:[\\p{L}\\p{N}]+ ){0,4}nefes alami\\w*|nefes alami\\w* (?:[\\p{L}\\p{N}]+ ){0,4}(?:kalabalik|tikis|sardalye|sardalya|havasiz)\\w*|kaza (?:olacak|yasanacak|cikacak|yapacak)\\w*' +
    '|(?:dal|dallar|agac)\\w* (?:[\\p{L}\\p{N}]+ ){0,2}(?:kablo|tel)\\w* (?:degiyor|surtunuyor)\\w*|(?:toz|trafik|cop|pislik|borc|fatura|evrak)\\w* (?:[\\p{L}\\p{N}]+ )?bogul\\w*|sinir(?:den|imiz|im|lerimiz) (?:[\\p{L}\\p{N}]+ )?(?:patla|kop)\\w*|tepem(?:iz)? atti|gaz ver\\w*|gaza bas\\w*|gaz pedal\\w*|fire (?:sale|drill)s?|fired (?:me|him|her|them|us)|heartburn|burning (?:question|issue)|smok(?:ing|e) (?:area|ban|section|detector|alarm)s?|no smoking|gas (?:bill|station|price|meter|company)s?|flooded with (?:calls|complaints|emails|messages)|through the roof|drowning in (?:debt|paperwork|bills|work)|الاسعار\\S* (?:\\S+ )?نار|غرقان\\S* (?:ب|في)\\S*',
  'gu',
);
const FIGURATIVE_SCAN = scannerOf(FIGURATIVE)!;
/** Bills and prices: "elektrik faturası yangın gibi", "doğalgaz faturası ateş pahası". */
const MONEY = rx(
  'fatura\\w*|zam|zamlar|fiyat\\w*|ucret\\w*|bedel\\w*|borc\\w*|kira|kirasi|kiralar|pahali\\w*|masraf\\w*|tarife\\w*|lira|tl|bill|bills|price\\w*|expensive|rent|فاتورة|فاتورة\\S*|فواتير|اسعار|الاسعار|سعر\\S*|غالي\\S*|fature\\w*',
);
/** A sentence about a danger that is over or long ago. */
const PAST = rx(
  'dun|dunku|gecen (?:sene|yil|ay|hafta|kis|yaz|gun|aksam|gece)\\w*|seneki|yilki|haftaki|ayki|evvelki|onceki|gecenlerde|gectigimiz|eskiden|onceden|zamaninda|(?:\\d+|bir|iki|uc|birkac|kac) (?:gun|hafta|ay|yil|sene)\\w* once|(?:days|weeks|months|years) ago|the other day|a while ago|previously|used to|\\w+(?:misti|mustu|iyordu|uyordu|yordu)|last (?:year|month|week|night|winter|summer)|yesterday|الماضي|الماضية|الماضيه|مبارح|امبارح|duh|bori|par',
);
/** Today against the past in the same sentence: "geçen hafta azdı bugün arttı". */
const NOW = rx('bugun|su an|simdi|now|today|هلأ|هلق|niha|iro');
/** A near miss ("az kalsın içine düşüyordu"): told in the past tense of a danger that is still there. */
const NEAR_MISS = rx('az kals?in|az daha|neredeyse|nearly|almost');
/** A danger told as a chronic nuisance ("her yağmurda su basıyor"): weak dangers in it do not count. */
const RECURRING = rx(
  'her (?:gun|gece|sabah|aksam|yagmur\\w*|kis|yaz|sene|hafta|seferinde)|surekli|devamli|hep|every (?:day|night|time)',
);
/** A request to prevent or inspect ("budansın", "kontrol edilebilir mi", "ileride"): weak dangers in it do not count. */
const PREVENTIVE = rx(
  'budan\\w*|budama\\w*|kesilmesi\\w*|kesilsin|kontrol edilebilir|incelen\\w*|inceleme\\w*|ileride|zamanla|could you (?:check|trim|prune)|trim\\w*|prun\\w*',
);
const PLAYGROUND = rx(
  'salinca[kg]\\w*|kaydira[kg]\\w*|tahterevalli\\w*|oyun (?:grub|alet)\\w*|oyunca[kg]\\w*|kum havuz\\w*|swings?|slides?|seesaws?|climbing frames?',
);
/** A fall that has happened: only urgent with a call for haste. */
const FELL = /(?:^|[^\p{L}\p{N}])(?:dustu|dustuler|dusmus|fell|وقعت|وقع)(?![\p{L}\p{N}])/u;
/** …unless into something a person is still in (a hole, water). */
const INTO =
  /icine|cukur|rogar|logar|kuyu|kanal|delig|suya|denize|dereye|havuz|into|hole|well|حفرة|بالوعة|ريغار|بير|مي/u;
/** Cables of the internet, telephone or television: a cut one is no electric danger. */
const COMMUNICATION = rx(
  'internet\\w*|modem\\w*|fiber\\w*|wifi|wi-fi|telefon hatt\\w*|uydu\\w*|ttnet|turknet|superonline',
);
/** Someone came and it is dealt with. */
const HANDLED = rx(
  'halletti\\w*|halledildi|halloldu|ekip\\w* (?:gelip|geldi ve) (?:halletti|kapatti|tamir etti|duzeltti)\\w*|kontrol edildi|kontrol ettiler|put out|under control|extinguished|no longer|all (?:fine|good|ok) now|صلحوها|انحلت|طفوها|giderildi|giderdi\\w*|sonduruldu|sondurdu\\w*|kaldirdi\\w*|kapatti(?:lar|niz)|kapatildi|tamir (?:edildi|etti\\w*)|duzeltildi|duzelttiniz|onarildi|cozuldu|cozdunuz|kontrol edip|sizinti yok\\w*|zarar gormedi|sorun kalmadi|gelip (?:bakti|kontrol)\\w*|fixed|resolved|sorted|cleared|تم اصلاح|اصلحوا|sererast|careser',
);
/** Thanks beside a danger and no call for haste: it has been dealt with ("kıvılcım çıkıyordu, hemen geldiniz, teşekkürler"). */
const THANKS = rx(
  'tesekkur\\w*|tsk\\w*|sag ?ol\\w*|eline saglik|elinize saglik|ellerinize saglik|helal olsun|thank\\w*|thanks|شكرا\\S*|مشكورين|يعطيكن|spas|sipas|destxwes',
);
/** A call for help now (stricter than HASTE: "hemen geldiniz, teşekkürler" is no call). */
const CALL_FOR_HELP = rx(
  'acil|imdat|yardim\\w*|cabuk|hemen (?:gel|yetis|birini|ekip|bir ekip)\\w*|lutfen hemen|asap|urgent|help|please send|بسرعة|تعالوا|الحقونا|zu werin|zû werin',
);
/** …unless it is back or still there. */
const STILL = rx('hala|yine|tekrar|su an|simdi|again|still|now|هلأ|لسا|hîn|hin|niha');
/** A danger named as a question of procedure, not a report: "gaz kokusu alınca kimi arayalım". */
const PROCEDURE = rx(
  'ne yapmal\\w*|kimi aramal\\w*|hangi numara\\w*|nasil bildir\\w*|nereye bildir\\w*|ne yapilmali|who do i call|what should we do',
);
/** Said of the danger right after it: it is not there ("gaz kokusu yok"), or only supposed ("…olursa", "…alınca"). */
const DENIED_AFTER = new RegExp(
  `^[^\\p{L}\\p{N}]*(?:(?:artik|hic|simdi) )?(?:yok|yokmus|yoktu|kalmadi|gitti|gecti|gelmiyor)${E}`,
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
  from: number;
  to: number;
}

/** What the hand-written rules make of a message. */
export interface UrgencyVerdict {
  urgent: boolean;
  /** The words that made it urgent, as written (empty when it is not). */
  terms: string[];
  /** A danger on its own decided ('strong'), or a weak one with people exposed or haste ('weak'). */
  decidedBy: 'strong' | 'weak' | null;
  /** A danger was named but only about money, the past or a procedure, or it was dealt with. */
  muted: boolean;
  /** Any danger pattern matched at all, whatever the rules then made of it. */
  named: boolean;
  /** Only weak dangers were named, with nobody exposed and no call for haste ("ağaç biraz yatmış"). */
  weakAlone: boolean;
  /** The folded text with figures of speech blanked ("ateş pahası" → spaces): what the model reads. */
  folded: string;
}

/**
 * Is a message about danger to people now: gas, a live or fallen cable, a collapse, water in homes,
 * a person hurt or attacked, fire? Strong patterns decide alone; weak ones (a leaning tree, an open
 * manhole) only with people exposed or a call for haste. A sentence about money, about the past
 * ("geçen seneki yangın") or a procedure, a danger denied ("kokusu yok") or supposed ("olursa"),
 * and a message saying it was dealt with, are not urgent. `terms` are the words as written.
 * UrgencyReading weighs this verdict with the learned model's.
 */
export class UrgencyRules {
  judge(text: string): UrgencyVerdict {
    const folded = this.folded(text);
    const none = (muted = false, named = true, weakAlone = false): UrgencyVerdict => ({
      urgent: false,
      terms: [],
      decidedBy: null,
      muted,
      named,
      weakAlone,
      folded,
    });
    // Each pattern runs once over the whole text (not per sentence: 3–5 times fewer scans); a hit
    // counts when its sentence is not about money, the past or a procedure, and it stays inside it.
    const strongHits = [...combinedHitsIn(folded), ...hitsIn(folded, STRONG_ARABIC)];
    const weakHits = hitsIn(folded, WEAK_ALL);
    // A concept is looked for sentence by sentence only when its thing and a state are both in the text.
    const candidates = CONCEPTS.filter((c) => c.things.test(folded) && c.states.test(folded));
    const sentences = (strongHits.length + weakHits.length > 0 || candidates.length > 0 ? sentencesOf(folded) : []).map(
      (s) => ({
        ...s,
        muted: null as boolean | null,
        recurring: null as boolean | null,
      }),
    );
    const isMuted = (sentence: (typeof sentences)[number]) =>
      (sentence.muted ??=
        MONEY.test(sentence.text) ||
        (PAST.test(sentence.text) && !NOW.test(sentence.text) && !NEAR_MISS.test(sentence.text)) ||
        PROCEDURE.test(sentence.text));
    const live = (from: number, to: number, weak: boolean, kind?: Hit['kind']) => {
      const sentence = sentences.find((s) => from >= s.start && from < s.end);
      if (!sentence || to > sentence.end + 1 || isMuted(sentence)) {
        return false;
      }
      if (kind === 'electric' && COMMUNICATION.test(sentence.text)) {
        return false;
      }
      sentence.recurring ??=
        RECURRING.test(sentence.text) || (PREVENTIVE.test(sentence.text) && !HASTE_SCAN.first(folded));
      return !(weak && sentence.recurring);
    };
    for (const sentence of candidates.length > 0 ? sentences : []) {
      const hit = conceptIn(sentence.text, candidates);
      if (hit && !isMuted(sentence)) {
        strongHits.push({ ...hit, from: sentence.start, to: sentence.start });
      }
    }
    if (strongHits.length === 0 && weakHits.length === 0) {
      return none(false, false);
    }
    // Water in homes told as what every rain does is a chronic fault, not an emergency, unless said to be now.
    const strong = strongHits.filter(
      (h) =>
        live(h.from, h.to, h.kind === 'flood' && !NOW.test(folded), h.kind) &&
        // "yaşlı bir kadın düştü" told without haste is a complaint about what happened, not a call.
        !(FELL.test(h.term) && !INTO.test(h.term) && !HASTE_SCAN.first(folded) && !/!\s*!/.test(text)),
    );
    const weak = weakHits.filter((h) => live(h.from, h.to, true));
    const haste = HASTE_SCAN.first(folded) ?? (/!\s*!/.test(text) ? '!!' : null);
    if (strong.length === 0 && weak.length === 0) {
      // Every danger named was in a sentence about money, the past or a procedure: the rules' veto.
      return none(sentences.some((s) => s.muted));
    }
    if (this.dealtWith(text, folded)) {
      return none(true);
    }
    const exposed = EXPOSED_SCAN.first(folded);
    // Passengers are always on board: a dangerous ride needs a call for haste, not only people named.
    const onlyTraffic = weak.every((h) => h.kind === 'traffic');
    // Broken playground equipment with children about is a repair to make, unless someone calls for haste.
    const playground = PLAYGROUND.test(folded);
    if (strong.length === 0 && ((!exposed && !haste) || ((onlyTraffic || playground) && !haste))) {
      return none(false, true, true);
    }
    const terms =
      strong.length > 0
        ? strong.map((h) => h.term)
        : [...weak.map((h) => h.term), ...[exposed, haste].filter((t): t is string => !!t)];
    return {
      urgent: true,
      terms: asWrittenTerms(text, terms),
      decidedBy: strong.length > 0 ? 'strong' : 'weak',
      muted: false,
      named: true,
      weakAlone: false,
      folded,
    };
  }

  /** The folded text with figures of speech blanked, offsets kept. */
  folded(text: string): string {
    return blanked(foldText(text), FIGURATIVE_SCAN);
  }

  /** Said to be dealt with ("ekip geldi halletti") and not back, or thanked for without a call for help. */
  dealtWith(text: string, folded: string): boolean {
    return (
      (HANDLED.test(folded) && !STILL.test(folded)) ||
      (THANKS.test(folded) && !CALL_FOR_HELP.test(folded) && !/!\s*!/.test(text))
    );
  }
}

/** A thing and its dangerous state in one sentence, in any order ("kablo … koptu"), unless the state is denied or supposed. */
function conceptIn(sentence: string, concepts: DangerConcept[]): Omit<Hit, 'from' | 'to'> | null {
  for (const { kind, things, states } of concepts) {
    const thing = things.exec(sentence);
    const state = thing ? states.exec(sentence) : null;
    if (!thing || !state) {
      continue;
    }
    const after = sentence.slice(state.index + state[0].length, state.index + state[0].length + 30);
    if (DENIED_AFTER.test(after) || SUPPOSED_AFTER.test(after) || SUPPOSED_SELF.test(state[0])) {
      continue;
    }
    const [first, second] = thing.index < state.index ? [thing[0], state[0]] : [state[0], thing[0]];
    return { term: `${first} … ${second}`, kind: kind as Hit['kind'] };
  }
  return null;
}

/** The text with every match of the scanner's alternation replaced by as many spaces (offsets kept). */
function blanked(text: string, scanner: WordStartScanner): string {
  let out = '';
  let at = 0;
  for (const m of scanner.scan(text)) {
    out += text.slice(at, m.index) + ' '.repeat(m.text.length);
    at = m.index + m.text.length;
  }
  return at === 0 ? text : out + text.slice(at);
}

function combinedHitsIn(text: string): Hit[] {
  const hits: Hit[] = [];
  const { scanner, kinds } = STRONG_LATIN;
  for (const m of scanner.scan(text)) {
    const hit = checked(text, m.text, m.index, kinds[m.alternative]);
    if (hit) {
      hits.push(hit);
    }
  }
  return hits;
}

/** A hit unless the words right after deny or only suppose it ("gaz kokusu yok", "…olursa"). */
function checked(text: string, matched: string, at: number, kind: Hit['kind']): Hit | null {
  const term = matched.trim();
  const to = at + matched.length;
  const after = text.slice(to, to + 30);
  if (DENIED_AFTER.test(after) || SUPPOSED_AFTER.test(after) || SUPPOSED_SELF.test(term)) {
    return null;
  }
  return { term, kind, from: at, to };
}

function hitsIn(text: string, patterns: DangerPattern[]): Hit[] {
  const hits: Hit[] = [];
  const arabic = /[\u0600-\u06FF]/.test(text);
  for (const { kind, pattern, arabic: needsArabic } of patterns) {
    if (needsArabic && !arabic) {
      continue;
    }
    for (const m of matchesOf(text, pattern)) {
      const hit = checked(text, m.text, m.index, kind);
      if (hit) {
        hits.push(hit);
      }
    }
  }
  return hits;
}

const SCANNERS = new Map<RegExp, WordStartScanner | null>();

/** The matches of a whole-word pattern, through its WordStartScanner where it has one (the same matches, sooner). */
function matchesOf(text: string, pattern: RegExp): { text: string; index: number }[] {
  let scanner = SCANNERS.get(pattern);
  if (scanner === undefined) {
    scanner = scannerOf(pattern);
    SCANNERS.set(pattern, scanner);
  }
  if (scanner) {
    return scanner.scan(text);
  }
  pattern.lastIndex = 0;
  return [...text.matchAll(pattern)].map((m) => ({ text: m[0], index: m.index }));
}

/** Sentences of a folded text with their offsets: split at . ! ? and new lines, not after "Sk." or "No.". */
function sentencesOf(folded: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i];
    if (
      ch === '\n' ||
      ch === '!' ||
      ch === '?' ||
      (ch === '.' && !ABBREVIATION.test(folded.slice(Math.max(0, i - 6), i + 1)) && !/\d/.test(folded[i - 1] ?? ''))
    ) {
      out.push({ text: folded.slice(start, i), start, end: i });
      start = i + 1;
    }
  }
  out.push({ text: folded.slice(start), start, end: folded.length });
  return out.filter((s) => s.text.trim().length > 0);
}
