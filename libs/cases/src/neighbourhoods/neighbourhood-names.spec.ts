import { foldNeighbourhoodName, NeighbourhoodNameMatcher } from './neighbourhood-names';

describe('neighbourhood names', () => {
  const matcher = new NeighbourhoodNameMatcher(
    ['Kazımdirik Mahallesi', 'Yeni Şehir', 'Şehir Mah.', 'Işıklar'].map((name) => ({
      foldedName: foldNeighbourhoodName(name),
      value: name,
    })),
  );

  it('folds names without the neighbourhood suffix', () => {
    expect(foldNeighbourhoodName('Kazımdirik Mah.')).toBe('kazimdirik');
    expect(foldNeighbourhoodName('KAZIMDIRIK MAHALLESİ')).toBe('kazimdirik');
    expect(foldNeighbourhoodName('Işıklar')).toBe('isiklar');
  });

  it.each([
    'Kazımdirik Mah. 145 sokakta çukur var',
    'kazımdirik mahallesi çöpler toplanmadı',
    "KAZIMDIRIK MAHALLESİ'nde su kesik",
    'kazimdirik mahallesinde lamba yanmiyor',
    'Adres: Kazımdirik Mh. No 4',
  ])('matches %s', (text) => {
    expect(matcher.match(text)).toBe('Kazımdirik Mahallesi');
  });

  it('prefers the longer name and needs the suffix and whole words', () => {
    expect(matcher.match('Yeni Şehir Mahallesi parkı')).toBe('Yeni Şehir');
    expect(matcher.match('ISIKLAR MAH. yol bozuk')).toBe('Işıklar');
    expect(matcher.match('Kazımdirik sokakta çukur')).toBeNull();
    expect(matcher.match('Eskikazımdirik mahallesi')).toBeNull();
    expect(matcher.match('')).toBeNull();
  });
});
