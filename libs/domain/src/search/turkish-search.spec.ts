import { foldForSearch, likePattern } from './turkish-search';

describe('foldForSearch', () => {
  it.each([
    ['İstanbul', 'istanbul'],
    ['ISTANBUL', 'istanbul'],
    ['istanbul', 'istanbul'],
    ['IĞDIR', 'igdir'],
    ['ığdır', 'igdir'],
    ['IŞIK', 'isik'],
    ['ışık', 'isik'],
    ['Şişli', 'sisli'],
    ['sisli', 'sisli'],
    ['Çankaya', 'cankaya'],
    ['ÇUKUR', 'cukur'],
    ['Çukurlar var', 'cukurlar var'],
    ['Büyükkılıç', 'buyukkilic'],
    ['BÜYÜKKILIÇ', 'buyukkilic'],
    ['Gölbaşı', 'golbasi'],
    ['ÜSKÜDAR', 'uskudar'],
    ['Kâğıthane', 'kagithane'],
    ['  Fen   İşleri\n', 'fen isleri'],
  ])('%s → %s', (input, expected) => {
    expect(foldForSearch(input)).toBe(expected);
  });

  it('keeps IŞIK and işik apart from PostgreSQL-style lowering mistakes', () => {
    // A plain toLowerCase gives "işik" → "isik" only by luck of folding; the dotless ı must fold to i too.
    expect(foldForSearch('IŞIK')).toBe(foldForSearch('ışık'));
    expect(foldForSearch('IĞDIR')).toBe(foldForSearch('ığdır'));
  });

  it('treats empty and null as empty', () => {
    expect(foldForSearch(null)).toBe('');
    expect(foldForSearch('')).toBe('');
  });

  it('escapes LIKE wildcards', () => {
    expect(likePattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });
});
