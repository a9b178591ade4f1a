import { parseSatisfactionAnswer } from './satisfaction-answer.parser';

const rating = (text: string | null, buttonId?: string) => parseSatisfactionAnswer(text, buttonId)?.rating;

describe('parseSatisfactionAnswer', () => {
  it('takes the WhatsApp button id before the title', () => {
    expect(parseSatisfactionAnswer('5 - Çok iyi', 'survey:5')).toEqual({ rating: 5, notSolved: false, comment: null });
    expect(rating('Orta', 'survey:3')).toBe(3);
    expect(rating('1 - Kötü', 'survey:1')).toBe(1);
    // Someone else's button (a list of departments) is read as text.
    expect(rating('Zabıta', 'zabita')).toBeUndefined();
  });

  it('reads digits 1-5 alone or in rating phrases', () => {
    expect(parseSatisfactionAnswer('5', null)).toEqual({ rating: 5, notSolved: false, comment: null });
    expect(rating('4.')).toBe(4);
    expect(rating('5/5')).toBe(5);
    expect(rating('3 / 5')).toBe(3);
    expect(rating('puanım 4')).toBe(4);
    expect(rating('Puanım: 2')).toBe(2);
    expect(rating('4 puan veriyorum')).toBe(4);
    expect(rating('3 yıldız')).toBe(3);
    expect(parseSatisfactionAnswer('5 çok teşekkürler ekibe', null)).toEqual({
      rating: 5,
      notSolved: false,
      comment: '5 çok teşekkürler ekibe',
    });
  });

  it('counts stars', () => {
    expect(rating('⭐⭐⭐⭐⭐')).toBe(5);
    expect(rating('⭐ ⭐')).toBe(2);
    expect(rating('★★★')).toBe(3);
    expect(rating('⭐⭐⭐⭐⭐⭐')).toBeUndefined();
  });

  it('reads Turkish words, with and without Turkish letters', () => {
    expect(rating('Çok iyi')).toBe(5);
    expect(rating('cok iyi')).toBe(5);
    expect(rating('ÇOK İYİ!')).toBe(5);
    expect(rating('iyi')).toBe(4);
    expect(rating('İyiydi, memnunum')).toBe(4);
    expect(rating('orta')).toBe(3);
    expect(rating('idare eder')).toBe(3);
    expect(rating('kötü')).toBe(2);
    expect(rating('kotu')).toBe(2);
    expect(rating('çok kötü')).toBe(1);
    expect(rating('cok kotu')).toBe(1);
    expect(rating('berbat')).toBe(1);
    expect(rating('iyi değil')).toBe(2);
  });

  it('reads "not solved", alone or with a 1', () => {
    expect(parseSatisfactionAnswer('çözülmedi', null)).toEqual({
      rating: null,
      notSolved: true,
      comment: 'çözülmedi',
    });
    expect(parseSatisfactionAnswer('1 hala aynı, su akmaya devam ediyor', null)).toMatchObject({
      rating: 1,
      notSolved: true,
    });
    expect(parseSatisfactionAnswer('Sorun çözülmemiş', null)).toMatchObject({ notSolved: true });
    expect(parseSatisfactionAnswer('hâlâ devam ediyor', null)).toMatchObject({ notSolved: true });
    expect(parseSatisfactionAnswer('Lamba düzelmedi', null)).toMatchObject({ notSolved: true });
    expect(parseSatisfactionAnswer('cozulmedi', null)).toMatchObject({ notSolved: true });
    expect(parseSatisfactionAnswer('5', 'survey:5')).toMatchObject({ notSolved: false });
  });

  it('passes over what is not an answer', () => {
    for (const text of [
      null,
      '',
      'İyi günler, sokağımızda yeni bir çukur var',
      'durum 2026-000123',
      '2026-000123',
      'Mahallemizde 3 gündür çöp alınmıyor',
      'Merhaba, 15 numaralı binanın önündeki lamba yanmıyor, ne zaman bakılacak acaba lütfen yardımcı olun',
      'Teşekkürler',
      'Konum gönderiyorum',
    ]) {
      expect(parseSatisfactionAnswer(text, null)).toBeNull();
    }
  });
});
