import { renderNoticeText, templateParameters } from './citizen-notice-text';

describe('notice text', () => {
  const values = { opensAt: 'Pazartesi 08:30', opensAtEn: 'Monday 08:30', caseNumber: '2026-000123' };

  it('fills a placeholder with the value in the message language', () => {
    expect(renderNoticeText('{opensAt} itibarıyla', values, 'tr')).toBe('Pazartesi 08:30 itibarıyla');
    expect(renderNoticeText('from {opensAt}.', values, 'en')).toBe('from Monday 08:30.');
    expect(templateParameters(['opensAt', 'caseNumber'], values, 'en')).toEqual(['Monday 08:30', '2026-000123']);
  });

  it('uses the one value when there is no English twin, and leaves no stray punctuation for a missing one', () => {
    expect(renderNoticeText('No. {caseNumber}', values, 'en')).toBe('No. 2026-000123');
    expect(renderNoticeText('Sonuç: {resolution}.', values, 'tr')).toBe('Sonuç:');
  });
});
