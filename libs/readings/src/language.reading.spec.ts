import { LanguageReading } from './language.reading';

describe('LanguageReading', () => {
  const reading = new LanguageReading();
  beforeAll(() => reading.init());

  it.each([
    ['Turkish without diacritics', 'cop alinmadi yine', 'tr'],
    ['Turkish with mention, hashtag, link and emoji', '@belediye #çöp çöp 3 gündür alınmadı 😡 https://t.co/abc', 'tr'],
    ['all-caps Turkish', 'SOKAĞIMIZ KARANLIK!!! KAÇ KERE YAZACAĞIZ', 'tr'],
    ['Arabic in Latin letters (Arabizi)', 'marhaba, el may ma2tou3a', 'ar'],
    ['Arabic script', 'الماء مقطوع منذ يومين في حينا', 'ar'],
    ['Kurmanji without its letters', 'av tune ji duh ve li kolana me, kes nayê', 'ku'],
    ['English', 'The street light outside our house has been broken for a week', 'en'],
  ])('%s → %s', (_case, text, language) => {
    expect(reading.read(text).language).toBe(language);
  });

  it('reads a message of hashtags only through its hashtags, and an emoji-only one as Turkish with no confidence', () => {
    expect(reading.read('#çöpleralınmıyor #belediye').language).toBe('tr');
    expect(reading.read('😡😡😡')).toEqual({ language: 'tr', confidence: 0 });
  });

  it('says how sure it is', () => {
    const { confidence } = reading.read('Sokağımızdaki çöp konteyneri üç gündür boşaltılmadı');
    expect(confidence).toBeGreaterThan(0.5);
    expect(confidence).toBeLessThanOrEqual(1);
  });

  it('refuses to read before init', () => {
    expect(() => new LanguageReading().read('merhaba')).toThrow(/init/);
  });
});
