import { en } from '../../apps/web/src/i18n/en';
import { tr } from '../../apps/web/src/i18n/tr';

/**
 * One word per concept in each language. The chosen term is the one the catalogues mostly use;
 * the alternatives below are banned because a press officer reading both would take them for two
 * different things. (This suite needs no database; it sits under test/ because the unit project
 * leaves apps/web to the browser build.)
 */
const TURKISH: { concept: string; term: string; banned: RegExp }[] = [
  // Department: "Müdürlük", never a "birim" or "departman".
  { concept: 'department', term: 'Müdürlük', banned: /(?<!\p{L})(birim|departman)/u },
  // External body: "Dış kurum", not "harici kurum", "dış kuruluş", "dış birim" or "ilgili kurum".
  {
    concept: 'external body',
    term: 'Dış kurum',
    banned: /(?<!\p{L})(harici kurum|dış kuruluş|dış birim|ilgili kurum)/u,
  },
  // Case: "Başvuru", not "vaka" or "şikâyet" (a case is not always a complaint).
  { concept: 'case', term: 'Başvuru', banned: /(?<!\p{L})(vaka|şikayet|şikâyet)/u },
  // Conversation: "Konuşma", not "sohbet", "yazışma" or "görüşme".
  { concept: 'conversation', term: 'Konuşma', banned: /(?<!\p{L})(sohbet|yazışma|görüşme)/u },
];

const ENGLISH: { concept: string; term: string; banned: RegExp }[] = [
  { concept: 'department', term: 'department', banned: /\b(units?|agenc(y|ies)|directorates?)\b/ },
  {
    concept: 'external body',
    term: 'external body',
    banned: /\b(external (organi[sz]ations?|agenc(y|ies)|units?)|outside bod(y|ies))\b/,
  },
  { concept: 'case', term: 'case', banned: /\b(tickets?|issues?)\b/ },
  { concept: 'conversation', term: 'conversation', banned: /\b(chats?|threads?)\b/ },
];

const offenders = (
  catalogue: Record<string, string>,
  rules: typeof TURKISH,
  lower: (text: string) => string,
): string[] =>
  Object.entries(catalogue).flatMap(([key, value]) =>
    rules
      .filter((rule) => rule.banned.test(lower(value)))
      .map((rule) => `${key}: "${value}" — say "${rule.term}" for ${rule.concept}`),
  );

describe('web catalogues: one word per concept', () => {
  it('Turkish uses Müdürlük, Dış kurum, Başvuru and Konuşma only', () => {
    expect(offenders(tr, TURKISH, (text) => text.toLocaleLowerCase('tr-TR'))).toEqual([]);
  });

  it('English uses department, external body, case and conversation only', () => {
    expect(offenders(en, ENGLISH, (text) => text.toLowerCase())).toEqual([]);
  });

  it('has the same keys and the same {placeholders} in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(en).sort()).toEqual(Object.keys(tr).sort());
    const differing = Object.keys(tr).filter(
      (key) => placeholders(tr[key as keyof typeof tr]).join() !== placeholders(en[key as keyof typeof en]).join(),
    );
    expect(differing).toEqual([]);
  });
});
