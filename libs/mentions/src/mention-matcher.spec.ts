import { MentionMatcher } from './mention-matcher';

describe('MentionMatcher', () => {
  const mayor = new MentionMatcher({
    terms: ['Büyükkılıç', 'Melikgazi Belediyesi', 'çöp konteyneri'],
    handles: ['@MelikgaziBel'],
    hashtags: ['#melikgazi'],
    exclusionTerms: ['Melikgazi Koleji', 'fenerbahçe'],
  });

  it.each([
    ['Büyükkılıç bugün parkı açtı', ['buyukkilic']],
    ['buyukkilic bey nerede?', ['buyukkilic']],
    ['BÜYÜKKILIÇ BAŞKAN', ['buyukkilic']],
    ['Başkan Büyükkılıç’a teşekkürler', ['buyukkilic']],
    ["Başkan Büyükkılıç'ın açıklaması", ['buyukkilic']],
    ['MELİKGAZİ BELEDİYESİ çalışıyor', ['melikgazi belediyesi']],
    ['Melikgazi\n  belediyesi nerede', ['melikgazi belediyesi']],
    ['sokakta ÇÖP KONTEYNERİ taştı', ['cop konteyneri']],
    ['@MelikgaziBel yol bozuk', ['@melikgazibel']],
    ['yol bozuk @melikgazibel.', ['@melikgazibel']],
    ['#Melikgazi de su yok', ['#melikgazi']],
    ['#MELİKGAZİ', ['#melikgazi']],
    ['@MelikgaziBel Büyükkılıç #melikgazi', ['buyukkilic', '@melikgazibel', '#melikgazi']],
  ])('matches %j', (text, terms) => {
    expect(mayor.match(text)).toEqual({ matched: true, terms, excludedBy: null });
  });

  it.each([
    ['Büyükkılıçlar ailesi'], // term inside a longer word
    ['abuyukkilic'],
    ['Melikgazili gençler'], // no phrase, and "Melikgazi" alone is not a term
    ['@MelikgaziBelediyesi hesabı'], // longer handle
    ['info@melikgazibel.bel.tr'], // e-mail address, not a handle
    ['#melikgazibelediyesi'], // longer hashtag
    ['çöp konteynerleri'], // phrase's last word inside a longer word
    [''],
  ])('does not match %j', (text) => {
    expect(mayor.match(text).matched).toBe(false);
  });

  it('lets an exclusion veto a match, folded and on word boundaries', () => {
    expect(mayor.match('Melikgazi Belediyesi ve MELİKGAZİ KOLEJİ')).toEqual({
      matched: false,
      terms: [],
      excludedBy: 'melikgazi koleji',
    });
    expect(mayor.match('Büyükkılıç Fenerbahçe maçında')).toEqual({
      matched: false,
      terms: [],
      excludedBy: 'fenerbahce',
    });
    // "fenerbahçeli" is another word: no veto.
    expect(mayor.match('Büyükkılıç fenerbahçeli mi?').matched).toBe(true);
  });

  it('matches a prefix when the term ends in *', () => {
    const prefix = new MentionMatcher({ terms: ['melikgazi*'] });
    expect(prefix.match('Melikgazide su kesintisi').terms).toEqual(['melikgazi*']);
    expect(prefix.match('Melikgazi')).toMatchObject({ matched: true });
    expect(prefix.match('Talas Melikgazi’ye komşu')).toMatchObject({ matched: true });
    expect(prefix.match('eskimelikgazi').matched).toBe(false);
  });

  it('adds the @ or # a handle or hashtag was entered without, and ignores blank entries', () => {
    const matcher = new MentionMatcher({ handles: ['MelikgaziBel', ' '], hashtags: ['melikgazi', '#'] });
    expect(matcher.foldedTerms).toEqual(['@melikgazibel', '#melikgazi']);
    expect(matcher.match('melikgazi').matched).toBe(false);
  });

  it('treats a watchlist without terms as matching nothing', () => {
    const empty = new MentionMatcher({ exclusionTerms: ['x'] });
    expect(empty.empty).toBe(true);
    expect(empty.match('herhangi bir metin').matched).toBe(false);
  });

  it('escapes regular-expression characters in terms', () => {
    const matcher = new MentionMatcher({ terms: ['C++ (kurs)', 'a.b'] });
    expect(matcher.match('c++ (kurs) açıldı').matched).toBe(true);
    expect(matcher.match('axb').matched).toBe(false);
  });
});
