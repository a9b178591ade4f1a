import { foldForSearch } from '@civic/domain';
import { foldArabic, quickFold } from './reading-text';

/** foldText the long way: the whole text normalized. */
const slowFold = (text: string) => foldArabic(foldForSearch(text.replace(/['’‘`´]/g, '')));

describe('quickFold', () => {
  it('folds as the whole-text folding does', () => {
    for (const text of [
      'IŞIK YANMIYOR, Çukur İÇİNDE su var',
      "Atatürk'ün   caddesi\n\tçöp  ",
      'Bêhna gazê li kolanê heye',
      'ريحة غاز قوية بالبناية أو إلى مستشفى',
      'ağaç 🌳 devrildi 👍🏽 🇹🇷',
      ' \u00a0başta ve sonda boşluk\u2009 ',
    ]) {
      expect(quickFold(text)).toBe(slowFold(text));
    }
  });

  it('leaves texts whose letters fold with their neighbours to the long way', () => {
    expect(quickFold('shukran شكراً')).toBeNull();
    expect(quickFold('cafe\u0301')).toBeNull();
    expect(quickFold('a ـ b')).toBeNull();
  });
});
