import { CANONICAL_CASE_NUMBER, formatCaseNumber, parseCaseNumber } from './case-number';

describe('case numbers', () => {
  it('formats the year and a six-digit sequence, wider past 999999', () => {
    expect(formatCaseNumber(2026, 123)).toBe('2026-000123');
    expect(formatCaseNumber(2027, 1)).toBe('2027-000001');
    expect(formatCaseNumber(2026, 1234567)).toBe('2026-1234567');
  });

  it.each([
    ['2026-000123', '2026-000123'],
    ['2026-123', '2026-000123'],
    [' 2026-123 ', '2026-000123'],
    ['2026/123', '2026-000123'],
    ['#2026-123', '2026-000123'],
    ['2026 - 123', '2026-000123'],
    ['2026-1234567', '2026-1234567'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseCaseNumber(text)).toBe(expected);
    expect(expected).toMatch(CANONICAL_CASE_NUMBER);
  });

  it.each([
    '',
    '123',
    '000123',
    '2026',
    '2026-',
    '2026-0',
    '2026-000000',
    '1999-000001',
    'abc',
    '2026-12a',
    '2026-000123 x',
  ])('reads %j as no number', (text) => {
    expect(parseCaseNumber(text)).toBeNull();
  });

  it('a canonical number has exactly six digits unless it overflowed', () => {
    expect(CANONICAL_CASE_NUMBER.test('2026-00123')).toBe(false);
    expect(CANONICAL_CASE_NUMBER.test('2026-0123456')).toBe(false);
    expect(CANONICAL_CASE_NUMBER.test('2026-000123')).toBe(true);
  });
});
