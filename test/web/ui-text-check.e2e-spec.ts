import { en } from '../../apps/web/src/i18n/en';
import { tr } from '../../apps/web/src/i18n/tr';
import { textProblems } from './ui-text-check';

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
});
