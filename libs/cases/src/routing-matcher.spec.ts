import { keywordPattern, matchRules } from './routing-matcher';

describe('routing matcher', () => {
  const rules = [
    { id: 'yol', keywords: ['çukur*', 'asfalt*', 'yol'], weight: 1 },
    { id: 'su', keywords: ['su', 'suyu', 'kanalizasyon*', 'boru patla*'], weight: 1 },
    { id: 'aydinlatma', keywords: ['lamba*', 'aydınlatma*', 'karanlık'], weight: 2 },
  ];

  it('folds Turkish letters and case on both sides', () => {
    expect(matchRules('İNÖNÜ CADDESİ’NDE ÇUKURLAR VAR', rules).map((m) => m.rule.id)).toEqual(['yol']);
    expect(matchRules('Sokağımız çok KARANLIK', rules)[0]).toMatchObject({
      rule: { id: 'aydinlatma' },
      matched: ['karanlık'],
    });
  });

  it('matches whole words only unless the keyword ends with *', () => {
    expect(matchRules('Sunum yaptık, sucuk aldık', rules)).toEqual([]);
    expect(matchRules('Üç gündür su yok', rules)[0].rule.id).toBe('su');
    expect(matchRules('yollar bozuk', rules)).toEqual([]);
    expect(matchRules('asfaltlama yapılmadı', rules)[0].rule.id).toBe('yol');
  });

  it('matches multi-word keywords across any whitespace', () => {
    expect(matchRules('Köşede boru   patladı, her yer su', rules)[0]).toMatchObject({ rule: { id: 'su' }, score: 2 });
  });

  it('ranks by weight × distinct keywords', () => {
    const ranked = matchRules('Yolda çukur var ve sokak lambası yanmıyor', rules);
    expect(ranked.map((m) => [m.rule.id, m.score])).toEqual([
      ['aydinlatma', 2],
      ['yol', 1],
    ]);
  });

  it('ignores empty keywords', () => {
    expect(keywordPattern('  * ')).toBeNull();
  });
});
