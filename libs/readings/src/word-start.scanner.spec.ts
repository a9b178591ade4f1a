import { firstCharacters, innerOf, literalStarts } from './pattern-source';
import { wordPattern } from './reading-text';
import { scannerOf, WordStartScanner } from './word-start.scanner';

/** What the regular expression itself finds: the scanner must find the same. */
const matchesOf = (pattern: RegExp, text: string) =>
  [...text.matchAll(new RegExp(pattern.source, 'gu'))].map((m) => `${m.index}:${m[0]}`);
const scanned = (pattern: RegExp, text: string) =>
  scannerOf(pattern)!
    .scan(text)
    .map((h) => `${h.index}:${h.text}`);

describe('WordStartScanner', () => {
  const texts = [
    'gaz kokusu var, dogalgaz kokusu da var; gazkokusu yok',
    'kablo yerde kivilcim cikariyor, kablolar kopmus',
    'su_kablo 3kablo kablo3 _kablo kablo_',
    'تسرب غاز في البناية والسلك مقطوع kablo yerde',
    'heyelan heyelanvari toprak kaydi toprak kaymasi',
    '',
  ];
  const patterns = [
    wordPattern('gaz kok\\w*|(?:dogal ?)?gaz\\w* (?:[\\p{L}\\p{N}]+ ){0,2}?kok\\w*|kok\\w*'),
    wordPattern('kablo\\w* (?:[\\p{L}\\p{N}]+[^\\p{L}\\p{N}]+){0,3}?(?:yerde|kop\\w*)|kivilcim\\w*|kablo'),
    wordPattern('heyelan|toprak kay\\w*|t+o+'),
    wordPattern('(?:ال)?غاز\\S*|كهرب\\S*|kablo'),
  ];

  it('finds what the alternation finds, left to right, first alternative first', () => {
    for (const pattern of patterns) {
      for (const text of texts) {
        expect(scanned(pattern, text)).toEqual(matchesOf(pattern, text));
      }
    }
  });

  it('says which alternative matched', () => {
    const scanner = new WordStartScanner(['gaz kokusu', 'gaz\\w*', 'kokusu'], 'ascii');
    expect(scanner.scan('gaz kokusu ve gazlar kokusu').map((h) => [h.text, h.alternative])).toEqual([
      ['gaz kokusu', 0],
      ['gazlar', 1],
      ['kokusu', 2],
    ]);
    expect(scanner.first('yok, gazlar')).toBe('gazlar');
  });

  it('runs an alternative that may start with anything as the regular expression it is', () => {
    const scanner = new WordStartScanner(['\\d* adet', 'kablo'], 'ascii');
    expect(scanner.scan('kablo 3 adet kablo').map((h) => h.text)).toEqual(['kablo', '3 adet', 'kablo']);
  });
});

describe('reading regular expression sources', () => {
  const sorted = (source: string) => [...(firstCharacters(source) ?? ['null'])].sort();
  const alternativesOf = (pattern: RegExp) => innerOf(pattern)?.alternatives.map((a) => a.raw) ?? null;

  it('splits a whole-word alternation into its top-level alternatives only', () => {
    expect(alternativesOf(wordPattern('a|b(?:c|d)|[|]e|\\|f'))).toEqual(['a', 'b(?:c|d)', '[|]e', '\\|f']);
    expect(innerOf(wordPattern('gaz|غاز'))?.edge).toBe('unicode');
    expect(innerOf(wordPattern('gaz'))?.edge).toBe('ascii');
  });

  it('reads no other shape, and no flag the scanner would drop', () => {
    // Two alternatives at the top, not one group between edges.
    expect(innerOf(/\b(?:a)|(?:b)\b/gu)).toBeNull();
    expect(innerOf(/\b(?:a)/gu)).toBeNull();
    expect(innerOf(wordPattern('gaz', 'giu'))).toBeNull();
    expect(innerOf(/\b(?:gaz)\b/g)).toBeNull();
    expect(scannerOf(wordPattern('gaz', 'giu'))).toBeNull();
  });

  it('knows the first characters of a match', () => {
    expect(sorted('(?:dogal ?)?gaz\\w*')).toEqual(['d', 'g']);
    expect(sorted('(?!yok)t+i+s+|[a-c]x')).toEqual(['a', 'b', 'c', 't']);
    expect(sorted('k(?:a|(?:e|i)r)|(?:x|y)?z')).toEqual(['k', 'x', 'y', 'z']);
    expect(sorted('\\b[\\dq]')).toEqual([...'0123456789q']);
    expect(firstCharacters('\\w*-')!.has('-')).toBe(true);
  });

  it('says null when a match may start with anything, may be empty, or the source is unreadable', () => {
    expect(firstCharacters('[^a]b')).toBeNull();
    expect(firstCharacters('.a')).toBeNull();
    expect(firstCharacters('\\p{L}x')).toBeNull();
    expect(firstCharacters('\\sx')).toBeNull();
    expect(firstCharacters('a?')).toBeNull();
    expect(firstCharacters('(a)?\\1b')).toBeNull();
    expect(firstCharacters('a)')).toBeNull();
  });

  it('gives the literal each alternative starts with, or null', () => {
    expect(literalStarts(wordPattern('sag ?ol(?:un)?|helal olsun|t+amam'))).toEqual(['sag', 'helal olsun', 't']);
    expect(literalStarts(wordPattern('ab|ab\\w*|x{2}y'))).toEqual(['ab', 'x']);
    expect(literalStarts(wordPattern('(?:eline|elinize) saglik'))).toBeNull();
    expect(literalStarts(wordPattern('a?b'))).toBeNull();
    // A case-insensitive pattern matches what an `includes` of the literal would miss.
    expect(literalStarts(wordPattern('helal olsun', 'giu'))).toBeNull();
  });
});
