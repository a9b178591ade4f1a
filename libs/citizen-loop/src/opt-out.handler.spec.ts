import { isOptOut } from './opt-out.handler';

describe('isOptOut: the whole message is DUR or STOP', () => {
  it.each(['dur', 'Dur.', 'DUR', 'STOP!', 'stop', '  Stop  ', 'DUR!!!', 'dür'])('%s stops', (text) => {
    expect(isOptOut(text)).toBe(true);
  });

  it.each(['dur lütfen beni arayın', 'durum', 'stoplar yanmıyor', 'Otobüs durağı', '', null])('%s does not', (text) => {
    expect(isOptOut(text)).toBe(false);
  });
});
