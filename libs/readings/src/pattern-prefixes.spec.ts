import { firstPairs } from './pattern-prefixes';

const sorted = (source: string) => [...(firstPairs(source) ?? ['null'])].sort();

describe('firstPairs', () => {
  it('gives the first two characters of every match', () => {
    expect(sorted('(?:kombi|tup)\\w*|o gun')).toEqual(['ko', 'o ', 'tu']);
    expect(sorted('t+i+s+')).toEqual(['ti', 'tt']);
    expect(sorted('ab{0,2}c')).toEqual(['ab', 'ac']);
  });

  it('reads alternatives inside groups and an optional first item', () => {
    expect(sorted('(?:dogal ?)?gaz\\w*')).toEqual(['do', 'ga']);
    expect(sorted('k(?:a|(?:e|i)r)')).toEqual(['ka', 'ke', 'ki']);
    expect(sorted('(x)?(?:y|z)w')).toEqual(['xy', 'xz', 'yw', 'zw']);
  });

  it('spells out character classes, \\d and \\w', () => {
    expect(sorted('[a-c][xy]')).toEqual(['ax', 'ay', 'bx', 'by', 'cx', 'cy']);
    expect(sorted('[kg]\\d')).toHaveLength(20);
    expect(firstPairs('\\w\\w')!.size).toBe(63 * 63);
  });

  it('keeps a one-character match whole and ignores assertions', () => {
    expect(sorted('(?!ab)a|bc')).toEqual(['a', 'bc']);
    expect(sorted('\\ba(?<=a)b|^c$')).toEqual(['ab', 'c']);
    // A character outside the Basic Multilingual Plane is two code units: a whole pair.
    expect(sorted('😀x')).toEqual(['😀']);
  });

  it('says null when unsure anywhere, when a match may be empty, or for a source it cannot read', () => {
    expect(firstPairs('.a')).toBeNull();
    expect(firstPairs('[^a]b')).toBeNull();
    expect(firstPairs('\\p{L}x')).toBeNull();
    // Past the first two characters too: the reader vouches only for what it reads whole.
    expect(firstPairs('abc\\s')).toBeNull();
    expect(firstPairs('(a)b\\1')).toBeNull();
    expect(firstPairs('[\\u0000-\\uffff]')).toBeNull();
    // Too many prefixes to be a shortcut.
    expect(firstPairs('[\\u00c0-\\u01ff]\\w')).toBeNull();
    expect(firstPairs('a?')).toBeNull();
    expect(firstPairs('(?:a|)')).toBeNull();
    expect(firstPairs('a)')).toBeNull();
  });
});
