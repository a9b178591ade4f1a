import { UrgencyReading } from './urgency.reading';

describe('UrgencyReading', () => {
  const reading = new UrgencyReading();
  const urgent = (text: string) => reading.read(text).urgent;

  it('marks an emergency phrased casually, with the words as written', () => {
    const result = reading.read('bizim apartmanda hafiften bi gaz kokusu var ama, bakan olur mu');
    expect(result.urgent).toBe(true);
    expect(result.terms.join(' ')).toContain('gaz kokusu');
  });

  it('marks dangers without the word "acil" and without diacritics', () => {
    expect(urgent('direkten kopan kablo yerde kivilcim cikariyor')).toBe(true);
    expect(urgent('Sular bodrum kata doldu, yaşlı teyze çıkamıyor')).toBe(true);
    expect(urgent('konteyner yanıyor alevler balkonlara vuruyor')).toBe(true);
    expect(urgent('okul önünde köpekler çocuklara saldırıyor')).toBe(true);
    expect(urgent('parktaki ağaç yana yatmış, altında çocuklar oynuyor')).toBe(true);
  });

  it('marks basic English, Arabic and Kurmanji dangers', () => {
    expect(urgent('GAS SMELL in our stairwell, really strong')).toBe(true);
    expect(urgent('ريحة غاز قوية بالبناية')).toBe(true);
    expect(urgent('Bêhna gazê li kolanê heye')).toBe(true);
  });

  it('does not fire on bills, the past, figures of speech, procedures or what was dealt with', () => {
    expect(urgent('doğalgaz faturası bu ay ateş pahası geldi')).toBe(false);
    expect(urgent('elektrik faturası 2 katına çıktı')).toBe(false);
    expect(urgent('Geçen seneki yangından beri park bakımsız')).toBe(false);
    expect(urgent('sel gibi para ödüyoruz, yol yok')).toBe(false);
    expect(urgent('Kablo TV kablosu balkonun önünden sarkıyor')).toBe(false);
    expect(urgent('gaz kokusu alınca hangi numarayı aramalıyız?')).toBe(false);
    expect(urgent('Dünkü gaz kokusu için ekip geldi, sızıntı yokmuş, teşekkürler')).toBe(false);
  });

  it('needs people nearby or haste for a weak danger', () => {
    expect(urgent('Parktaki ağaç biraz yana yatmış')).toBe(false);
    expect(urgent('Parktaki ağaç yana yatmış, altında çocuklar var!!')).toBe(true);
  });

  it('gives no terms when not urgent', () => {
    expect(reading.read('Sokak lambası yanmıyor').terms).toEqual([]);
  });

  it('says each danger once: no gapped repeat of words already said together', () => {
    expect(reading.read('Merdivende çok ağır doğalgaz kokusu var, çocuklar içeride!').terms).toEqual([
      'doğalgaz kokusu',
    ]);
  });
});
