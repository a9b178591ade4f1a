import { en } from '../../apps/web/src/i18n/en';
import { tr } from '../../apps/web/src/i18n/tr';
import { StoredTexts } from './stored-texts';
import { strangerTexts, textProblems, withoutStoredData } from './ui-text-check';

const at = (text: string) => ({ text, where: 'p' });

/** The screen walk's text rules, on strings: each kind of leak is caught, ordinary text passes. */
describe('ui text check', () => {
  it.each([
    ['an ISO date', 'Son tarih: 2026-12-06T09:00:00Z'],
    ['an ISO day', '2026-12-06: 15'],
    ['a UUID', 'case:0b7d3167-7027-45cd-ad8a-710036f34e20'],
    ['a snake_case code', 'Hata: page_access_token'],
    ['a camelCase identifier', 'pageAccessToken eksik'],
    ['an unfilled placeholder', 'Sayın {name}, teşekkürler'],
    ['a bracketed placeholder', '[location]'],
    ['an untranslated key', 'cases.history.created'],
    ['an English catalogue value', en['nav.signOut']],
  ])('flags %s in Turkish', (_, text) => {
    expect(textProblems([at(text)], 'tr', 'screen')).not.toEqual([]);
  });

  it('flags a Turkish catalogue value in English, with where it sits', () => {
    expect(textProblems([at(tr['nav.signOut'])], 'en', 'screen')).toEqual([
      `screen [en]: Turkish catalogue text "${tr['nav.signOut']}" at p`,
    ]);
  });

  it('passes the catalogue, formatted dates, units and e-mail addresses', () => {
    const texts = [tr['nav.inbox'], '06.12.2026 12:09', 'JPEG · 1 kB', 'yonetici@test.belediye.tr', 'gg.aa.yyyy'];
    expect(textProblems(texts.map(at), 'tr', 'screen')).toEqual([]);
    expect(textProblems([en['nav.inbox'], '06/12/2026, 12:09'].map(at), 'en', 'screen')).toEqual([]);
  });

  it('passes a stored handle inside a label, and still checks the rest of it', () => {
    const stored = StoredTexts.of(['esra_yilmaz']);
    const own = (text: string) => textProblems(withoutStoredData([at(text)], stored), 'tr', 'screen');
    expect(textProblems([at('Seç: esra_yilmaz')], 'tr', 'screen')).not.toEqual([]);
    expect(own('Seç: esra_yilmaz')).toEqual([]);
    expect(own('Seç: esra_yilmaz page_access_token')).not.toEqual([]);
  });

  describe('texts not from the catalogue', () => {
    const stored = StoredTexts.of(['Fen İşleri', 'Kaldırımdaki çukurun fotoğrafı, Atatürk Caddesi önünde']);
    const strangers = (texts: string[], language: 'tr' | 'en' = 'tr') =>
      strangerTexts(texts.map(at), language, 'screen', stored);

    it('flags a string written into a component', () => {
      expect(strangers(['Harika, bitti!', 'Send now'])).toEqual([
        'screen [tr]: text not from the catalogue "Harika, bitti!" at p',
        'screen [tr]: text not from the catalogue "Send now" at p',
      ]);
      expect(strangers(['Gönderildi ✓ Bitti', 'Fen İşleri · Gönder şimdi', 'Fen İşleri: 12 yeni'])).toHaveLength(3);
    });

    it('passes catalogue values, with their parameters filled in', () => {
      const withParam = Object.entries(tr).find(([, v]) => /^\{\w+\} \p{L}/u.test(v));
      expect(withParam).toBeDefined();
      const sample = withParam![1].replace(/\{\w+\}/g, '12');
      expect(strangers([tr['nav.inbox'], sample])).toEqual([]);
    });

    it('passes stored data, previews of it, Intl formatting, marks and file formats', () => {
      expect(
        strangers([
          'Fen İşleri',
          'Kaldırımdaki çukurun fotoğrafı, Atatürk…',
          '6 Aralık 2026 Pazar 14:06',
          '5 dk. önce',
          '3 Ara',
          '06.12.2026 14:05',
          '%45',
          `● ${tr['inbox.live']}`,
          'JPEG · 1 kB',
          'Fen İşleri · 12',
          '1 Aralık 2026 Salı: 18',
        ]),
      ).toEqual([]);
      expect(strangers(['Sunday 6 December 2026 at 14:06', '5 min ago', `● ${en['inbox.live']}`], 'en')).toEqual([]);
    });
  });
});
