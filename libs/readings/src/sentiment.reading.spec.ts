import { SentimentReading } from './sentiment.reading';

describe('SentimentReading', () => {
  const reading = new SentimentReading();
  const label = (text: string) => reading.read(text).label;

  it('flips on negation', () => {
    expect(label('Yeni parktan hiç memnun değilim')).toBe('negative');
    expect(label('Otobüs seferleri hiç iyi değil')).toBe('negative');
    expect(label('Fena değil, teşekkürler')).toBe('positive');
    expect(label('Yaptığınız yamayı hiç beğenmedim')).toBe('negative');
    expect(label('Sorun çözülmedi, aynı')).toBe('negative');
    expect(label('The new bus timetable is not good')).toBe('negative');
  });

  it('reads sarcasm beside a complaint as negative', () => {
    expect(label('bravo 👏 4 aydır aynı çukur duruyor')).toBe('negative');
    expect(label('tebrikler belediye, 3 gündür çöp alınmadı')).toBe('negative');
    expect(label('teşekkürler belediye(!) kasis yine boyasız')).toBe('negative');
  });

  it('takes thanks as positive unless a complaint follows', () => {
    expect(label('Çukuru hemen kapattınız, çok teşekkürler 🙏')).toBe('positive');
    expect(label('Teşekkürler ama lamba hâlâ yanmıyor, 2 haftadır karanlıktayız')).toBe('negative');
  });

  it('keeps a plain report or question neutral', () => {
    expect(label('Gül Sk. üzerinde lamba yanmıyor, bilginize.')).toBe('neutral');
    expect(label('Otobüs saatleri değişti mi?')).toBe('neutral');
  });

  it('hears intensifiers, capitals and emoji', () => {
    const plain = reading.read('kötü bir hizmet').score;
    const loud = reading.read('ÇOOOK KÖTÜ BİR HİZMET 😡').score;
    expect(plain).toBeLessThan(0);
    expect(loud).toBeLessThan(plain);
  });

  it('reads Turkish without diacritics', () => {
    expect(label('hic memnun degilim, temizlik cok kotu')).toBe('negative');
  });

  it('explains itself with cues and keeps the score in -1..1', () => {
    const result = reading.read('hiç memnun değilim, rezalet');
    expect(result.cues).toEqual(expect.arrayContaining(['rezalet', 'değil ← memnun']));
    expect(result.score).toBeGreaterThanOrEqual(-1);
    expect(result.score).toBeLessThan(0);
  });
});
