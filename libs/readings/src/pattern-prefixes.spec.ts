import { firstPairs } from './pattern-prefixes';

describe('firstPairs', () => {
  it('gives the first two characters of every match', () => {
    expect([...firstPairs('(?:kombi|tup)\\w*|o gun')!].sort()).toEqual(['ko', 'o ', 'tu']);
    expect([...firstPairs('(?:dogal ?)?gaz\\w*')!].sort()).toEqual(['do', 'ga']);
    expect([...firstPairs('t+i+s+')!].sort()).toEqual(['ti', 'tt']);
  });

  it('keeps a one-character match whole and ignores look-arounds', () => {
    expect([...firstPairs('(?!ab)a|bc')!].sort()).toEqual(['a', 'bc']);
  });

  it('says null when unsure or when a match may be empty', () => {
    expect(firstPairs('.a')).toBeNull();
    expect(firstPairs('[^a]b')).toBeNull();
    expect(firstPairs('a?')).toBeNull();
    expect(firstPairs('\\p{L}x')).toBeNull();
  });
});
