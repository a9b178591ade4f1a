import { parseStatusRequest } from './status-request.parser';

describe('status request grammar', () => {
  it.each([
    ['2026-000123', '2026-000123'],
    ['2026-123', '2026-000123'],
    ['#2026-123', '2026-000123'],
    ['2026/123', '2026-000123'],
    ['durum 2026-000123', '2026-000123'],
    ['Durum: 2026-123', '2026-000123'],
    ['DURUM 2026-123', '2026-000123'],
    ['durumu 2026-123?', '2026-000123'],
    ['Başvuru durumu: 2026-000123', '2026-000123'],
    ['başvurumun durumu 2026-123', '2026-000123'],
    ['Başvuru no 2026-000123', '2026-000123'],
    ['Sorgula 2026-45', '2026-000045'],
    ['status 2026-123', '2026-000123'],
    ['2026-000123 ne oldu', '2026-000123'],
    ['2026-000123 ne oldu?', '2026-000123'],
    ['2026-123 NE DURUMDA', '2026-000123'],
    ['2026-123 ne aşamada?', '2026-000123'],
    ['2026-123 hangi aşamada', '2026-000123'],
    ['2026-123 durumu nedir', '2026-000123'],
    ['2026-123 durumu nasıl?', '2026-000123'],
    ['2026-123 durum', '2026-000123'],
    ['2026-000123 numaralı başvurum ne oldu?', '2026-000123'],
    ['2026-000123 numaralı başvurumun durumu nedir?', '2026-000123'],
    ['2026-123 status', '2026-000123'],
    ['  "2026-123"  ', '2026-000123'],
    ['durum 2026-1234567', '2026-1234567'],
  ])('%j asks about %s', (text, number) => {
    expect(parseStatusRequest(text)).toBe(number);
  });

  it.each([
    null,
    '',
    'durum',
    'durum nedir',
    '123',
    'durum 123',
    '000123 ne oldu',
    '2026',
    '2026-0',
    '1999-000123',
    '2026-000123 numaralı başvurum hâlâ çözülmedi, su akıyor',
    'Merhaba, 2026-000123 numaralı başvurum için fotoğraf ekliyorum',
    'çukur hala duruyor 2026-123',
    'durum 2026-123 2026-124',
    'telefon 0532 2026-1234',
    '5',
    'DUR',
  ])('%j is not a status query', (text) => {
    expect(parseStatusRequest(text)).toBeNull();
  });
});
