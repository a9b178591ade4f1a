import { literalStarts } from './pattern-source';
import { wordPattern } from './reading-text';

/**
 * Multi-word cues of sentiment, matched on the folded text (foldText) before the word lexicon; the
 * words a phrase covers are not counted again. Set by reading the tuning (odd-numbered) messages.
 */
export interface PhraseCue {
  pattern: RegExp;
  weight: number;
  /** Shown in the cues. */
  label: string;
  /** 'neutral' phrases weigh nothing but raise the bar for a negative reading (a plain report or question). */
  kind?: 'neutral' | 'sarcasm' | 'praise';
  /** The text must contain one of these for the pattern to be tried (a cheap gate for slow patterns). */
  need?: string[];
  /** Written in Arabic letters only: skipped for a text that has none (set below). */
  arabic?: boolean;
}

const p = (source: string) => wordPattern(source);

export const PHRASES: PhraseCue[] = [
  // Thanks and praise in two words.
  { pattern: p('sag ?ol(?:un|sun|sunlar|unuz)?'), weight: 2, label: 'sağ olun' },
  {
    pattern: p('(?:eline|elinize|ellerinize|emeginize|emegi gecen\\w*) ?saglik\\w*'),
    weight: 2.5,
    label: 'eline sağlık',
    need: ['saglik'],
  },
  {
    pattern: p('(?:sorun|problem|sikinti|ariza|sikayet)\\w* (?:yok|kalmadi|kalmamis|giderildi|cozuldu|bitti)'),
    weight: 1.5,
    label: 'sorun kalmadı',
    need: ['yok', 'kalma', 'giderildi', 'cozuldu', 'bitti'],
  },
  { pattern: p('helal olsun'), weight: 2, label: 'helal olsun', kind: 'praise' },
  { pattern: p('ne guzel'), weight: 1.5, label: 'ne güzel', kind: 'praise' },
  { pattern: p('well done|thank you|thanks a lot'), weight: 2, label: 'thank you', kind: 'praise' },
  { pattern: p('not bad'), weight: 1, label: 'not bad' },
  // Sarcasm that needs no complaint beside it.
  { pattern: p('selam olsun'), weight: -1.8, label: 'selam olsun', kind: 'sarcasm' },
  { pattern: /\(!+\)/gu, weight: -1.5, label: '(!)', kind: 'sarcasm', need: ['(!'] },
  // Complaint shapes.
  { pattern: p('kac (?:kere|kez|defa|sefer|gun\\w*|ay\\w*|hafta\\w*)'), weight: -1.5, label: 'kaç kere' },
  {
    pattern: p('her (?:gun|gece|sabah|aksam|yagmur\\w*|kar\\w*|kis|yaz|sene|hafta|seferinde|cuma|ay|ayda|yil)'),
    weight: -0.8,
    label: 'her gün',
  },
  {
    pattern: p(
      '(?:\\d+ ?)?(?:gun|gunler|hafta|haftalar|ay|aylar|yil|yillar|sene|seneler|saat|saatler|dakika|kis|sabah|aksam|eylul|ekim|kasim|aralik|ocak|subat|mart|nisan|mayis|haziran|temmuz|agustos)(?:dir|dur|tir|tur|dan beri|tan beri|den beri|ten beri)',
    ),
    weight: -1.2,
    label: 'süredir',
    need: ['dir', 'dur', 'tir', 'tur', 'beri'],
  },
  {
    pattern: p('\\d+\\.? ?(?:kez|kere|defa|seferdir|kezdir)'),
    weight: -1.2,
    label: 'kaçıncı kez',
    need: ['kez', 'kere', 'defa', 'sefer'],
  },
  {
    pattern: p('\\d+ (?:gun|hafta|ay|yil|sene|saat|kis)\\w* (?:oldu|gecti)'),
    weight: -1.2,
    label: 'gün oldu',
    need: ['oldu', 'gecti'],
  },
  { pattern: p('o gunden beri|yillardir|aylardir|haftalardir|gunlerdir'), weight: -1.2, label: 'süredir' },
  {
    pattern: p(
      '(?:kim|kimin) (?:odeyecek|karsilayacak|duzeltecek|ilgilenecek|arayacak|olacak|bakacak)|sorumlusu kim|mi bekliyorsunuz|bu nasil \\w+|ne is yap\\w*|(?:adalet|insaf|vicdan)\\w* (?:mi|bu mu)|mi bu|sakami|saka mi',
    ),
    weight: -1.5,
    label: 'rhetorical question',
    need: ['kim', 'bekliyorsunuz', 'nasil ', 'ne is yap', 'adalet', 'insaf', 'vicdan', 'mi bu', 'saka'],
  },
  {
    pattern: p('\\w+ (?:yok|yokmu) mu|kimse yok mu|eden yok mu|bakan yok mu'),
    weight: -1.2,
    label: 'yok mu',
    need: ['yok'],
  },
  {
    pattern: p(
      '(?:gelen|giden|donen|bakan|ilgilenen|soran|cevap|donus|ses|haber|aciklama|duyuru|yanit)\\w* (?:yok|vermiyor\\w*|vermedi\\w*|gelmedi)',
    ),
    weight: -1,
    label: 'gelen giden yok',
    need: ['yok', 'ver', 'gelmedi'],
  },
  { pattern: p('rica ediyorum|rica ediyoruz|lutfen artik|artik bir'), weight: -0.8, label: 'rica ediyorum artık' },
  {
    pattern: p(
      'for (?:\\d+|two|three|four|five|several|a few) (?:days|weeks|months|years|hours)|since (?:yesterday|last|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning)',
    ),
    weight: -1.2,
    label: 'for days',
  },
  { pattern: p('no one|fed up|sick of|tired of|not ok|not okay|what a'), weight: -1.5, label: 'fed up' },
  {
    pattern: p(
      'every (?:day|night|morning|evening|week)|all night|(?:second|third|fourth|fifth) (?:time|message|complaint)|\\d+ (?:days|weeks|months|years) now',
    ),
    weight: -1.2,
    label: 'every day',
    need: ['every ', 'all night', ' time', ' message', ' complaint', ' now'],
  },
  {
    pattern: p('ma 7ada|mafi 7ada|sarlo|sarlna|sarilna|kel yom|kil yom'),
    weight: -1.2,
    label: 'ma 7ada',
    need: ['7ada', 'sar', 'yom'],
  },
  {
    pattern: p('من (?:شهر|شهرين|يومين|اسبوع|اسبوعين|مبارح|امبارح|سنة|الصبح)|صرلنا|صرلو|صار له'),
    weight: -1.2,
    label: 'منذ',
  },
  { pattern: p('ما حدا|لا احد|ولا حدا|حتى الان|كل يوم|كل مرة'), weight: -1.2, label: 'ما حدا' },
  {
    pattern: p('kes naye|tu kes|her roj|her sibe|her car|ev \\d+ roj|\\d+ roj e|heta niha'),
    weight: -1.2,
    label: 'kes nayê',
    need: ['kes', 'roj', 'her ', 'heta'],
  },
  // Plain reports and questions.
  {
    pattern: p('bilgi(?:nize|lerinize| icin| vermek| almak| olsun)|bilginiz olsun|haberiniz olsun|haberi olsun'),
    weight: 0,
    label: 'bilginize',
    kind: 'neutral',
  },
  {
    pattern: p('merhaba\\w*|mrb|slm|selam|selamlar|iyi gunler|iyi calismalar|iyi aksamlar|kolay gelsin'),
    weight: 0,
    label: 'greeting',
    kind: 'neutral',
  },
  {
    pattern: p('\\w+(?:ebilir|abilir)\\w* ?(?:mi|mu|miyiz|misiniz|miyim|muyuz)\\w*|\\w+(?:ebiliyor|abiliyor) ?mu\\w*'),
    weight: 0,
    label: 'request',
    kind: 'neutral',
    need: ['bil'],
  },
  {
    pattern: /(?<![\p{L}\p{N}])(?:mi|mu)(?:siniz|sunuz|yiz|yuz|dir|dur|yim)? ?\?/gu,
    weight: 0,
    label: 'question',
    kind: 'neutral',
    need: ['?'],
  },
  { pattern: p('olabilir|olabilir mi|gibi gorunuyor|sanirim|galiba'), weight: 0, label: 'hedge', kind: 'neutral' },
  {
    pattern: p(
      'acaba|sevinirim|seviniriz|mumkun mu|nasil \\w+|nereye|nereden|kime|hangi|ne zaman|ne kadar|kacta|var mi|gerekiyor mu|planlaniyor mu|fyi|just letting you know|is there|are there|would it be possible|can i|where can|ji bo agahdari\\w*|gelo|tene ji bo',
    ),
    weight: 0,
    label: 'question',
    kind: 'neutral',
  },
  // Apart from the Latin-letter ones: a pattern with Arabic letters needs the slower Unicode word edges.
  { pattern: p('للعلم|هل|ممكن'), weight: 0, label: 'question', kind: 'neutral' },
];

for (const phrase of PHRASES) {
  const source = phrase.pattern.source.replace(/\\[a-zA-Z]/g, '');
  phrase.arabic = /[\u0600-\u06FF]/.test(source) && !/[a-z]{3}/.test(source);
  // The literal each alternative starts with, as a gate, where there are few (a long list costs more than the pattern).
  const starts = phrase.need ? null : literalStarts(phrase.pattern);
  if (starts && starts.length <= 8) {
    phrase.need = starts;
  }
}
