import { wordsAsWritten } from './words-as-written';

describe('wordsAsWritten', () => {
  it('gives the folded words back as the citizen wrote them, lower-cased', () => {
    expect(
      wordsAsWritten(['lambasi', 'karanlik', 'yanmiyor'], 'Sokak LAMBASI yanmıyor, akşamları her yer karanlık'),
    ).toEqual(['lambası', 'karanlık', 'yanmıyor']);
  });

  it('joins apostrophes as the readings do and keeps a word the text lacks as given', () => {
    expect(wordsAsWritten(['ataturkun', 'cukur'], "Atatürk'ün caddesinde")).toEqual(['atatürkün', 'cukur']);
    expect(wordsAsWritten(['su'], null)).toEqual(['su']);
  });
});
