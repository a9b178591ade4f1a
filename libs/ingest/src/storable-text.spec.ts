import { hasUnstorableCharacter, jsonMayHoldUnstorable, storableJson, toStorableText } from './storable-text';

describe('storable text (NUL and lone surrogates)', () => {
  it('finds NUL and lone high or low surrogates, not surrogate pairs or other text', () => {
    for (const bad of ['\u0000', 'a\ud800', '\ud800b', 'a\udc00b', '\udc00\ud800', '😀\ud83d']) {
      expect([bad, hasUnstorableCharacter(bad)]).toEqual([bad, true]);
    }
    for (const good of ['', 'Çukur var', '😀', 'aile 👨\u200D👩\u200D👧', '\u202Eters', '\\u0000']) {
      expect([good, hasUnstorableCharacter(good)]).toEqual([good, false]);
    }
  });

  it('replaces each with U+FFFD and leaves everything else alone', () => {
    expect(toStorableText('a\u0000b\ud800c\udc00d😀')).toBe('a\uFFFDb\uFFFDc\uFFFDd😀');
    const clean = 'İnönü Caddesi';
    expect(toStorableText(clean)).toBe(clean);
  });

  it('JSON: walks only when an escape shows the need', () => {
    expect(jsonMayHoldUnstorable(JSON.stringify({ text: 'Işık 😀' }))).toBe(false);
    expect(jsonMayHoldUnstorable('{"text":"\\uD83D\\uDE00"}')).toBe(true); // escaped pair: a walk finds nothing to change
    expect(storableJson({ a: ['x\ud800'], b: new Date(0) })).toBe('{"a":["x\uFFFD"],"b":"1970-01-01T00:00:00.000Z"}');
  });
});
