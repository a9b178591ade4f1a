import { WordFeatureCache } from './word-feature.cache';

describe('WordFeatureCache', () => {
  const cache = () =>
    new WordFeatureCache({ words: true, pairs: true, grams: [3, 4] }, new Map([['gaz', 2]]), new Map([[' ga', 0.5]]));

  it("gives a word's features once, in n-gram order, with their weights", () => {
    const words = cache();
    const gaz = words.entry('gaz')!;
    expect(words.entry('gaz')).toBe(gaz);
    expect(gaz.wordWeight).toBe(2);
    // " gaz " has 3 three-letter and 2 four-letter grams; only " ga" has a weight.
    expect(Array.from(gaz.gramWeights)).toEqual([0.5, 0, 0, 0, 0]);
    // "gaza" shares " ga" and " gaz" with "gaz": the same numbers.
    const gaza = words.entry('gaza')!;
    expect(gaza.gramIds[0]).toBe(gaz.gramIds[0]);
    expect(gaza.wordId).not.toBe(gaz.wordId);
  });

  it('counts a feature once per text, and again in the next text', () => {
    const words = cache();
    const id = words.entry('gaz')!.gramIds[0];
    const first = words.nextText();
    expect(words.firstTime(id, first)).toBe(true);
    expect(words.firstTime(id, first)).toBe(false);
    expect(words.firstTime(id, words.nextText())).toBe(true);
  });
});
