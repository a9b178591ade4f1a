import { asciiFileStem, TranscriptFileNames } from './transcript-file-names';

describe('transcript file names', () => {
  it('folds Turkish letters and anything else to plain ASCII', () => {
    expect(asciiFileStem('Ayşe Yılmaz')).toBe('Ayse-Yilmaz');
    expect(asciiFileStem('İĞÜŞÖÇ ığüşöç')).toBe('IGUSOC-igusoc');
    expect(asciiFileStem('  Ş*** Ç***  ')).toBe('S-C');
    expect(asciiFileStem('José / Ñandú: "x"')).toBe('Jose-Nandu-x');
    expect(asciiFileStem('../../etc/passwd')).toBe('etc-passwd');
    expect(asciiFileStem('🙂')).toBe('');
  });

  it('names by contact and date, unique on collision whatever the letter case', () => {
    const names = new TranscriptFileNames();
    expect(names.next('Ayşe Yılmaz', '2026-12-01')).toBe('Ayse-Yilmaz_2026-12-01.pdf');
    expect(names.next('Ayse Yilmaz', '2026-12-01')).toBe('Ayse-Yilmaz_2026-12-01-2.pdf');
    expect(names.next('AYSE YILMAZ', '2026-12-01')).toBe('AYSE-YILMAZ_2026-12-01-3.pdf');
    expect(names.next(null, '2026-12-01')).toBe('Konusma_2026-12-01.pdf');
    expect(names.next('🙂', '2026-12-01')).toBe('Konusma_2026-12-01-2.pdf');
  });
});
