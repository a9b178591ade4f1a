import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CATALOGUE, errorMessage } from './error-catalogue';
import { ErrorCode } from './error-code';
import { errorLanguageOf } from './error-language';

describe('error catalogue', () => {
  const codes = Object.values(ErrorCode);

  it('has an entry with a status and both languages for every code, and no entry without a code', () => {
    for (const code of codes) {
      const entry = ERROR_CATALOGUE[code];
      expect([code, entry?.status >= 400 && entry?.status < 600]).toEqual([code, true]);
      expect([code, entry.tr.trim().length > 0, entry.en.trim().length > 0]).toEqual([code, true, true]);
      expect([code, entry.tr === entry.en]).toEqual([code, false]);
    }
    expect(Object.keys(ERROR_CATALOGUE).sort()).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('lists every code with its status in docs/api-errors.md', () => {
    const page = readFileSync(join(__dirname, '../../../docs/api-errors.md'), 'utf8');
    for (const code of codes) {
      expect([code, page.includes(`| \`${code}\` | ${ERROR_CATALOGUE[code].status} |`)]).toEqual([code, true]);
    }
  });

  it('uses the same placeholders in both languages', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const code of codes) {
      expect([code, names(ERROR_CATALOGUE[code].tr)]).toEqual([code, names(ERROR_CATALOGUE[code].en)]);
    }
  });

  it('fills placeholders from the details, lists joined', () => {
    expect(errorMessage(ErrorCode.CaseTransitionNotAllowed, 'tr', { from: 'new', to: 'resolved' })).toBe(
      'Başvuru durumu new iken resolved yapılamaz',
    );
    expect(errorMessage(ErrorCode.ValidationFailed, 'en', { errors: ['a must be x', 'b must be y'] })).toBe(
      'Invalid request: a must be x; b must be y',
    );
  });

  it('picks English only when Accept-Language prefers it over Turkish', () => {
    expect(errorLanguageOf(undefined)).toBe('tr');
    expect(errorLanguageOf('de-DE')).toBe('tr');
    expect(errorLanguageOf('en-US,en;q=0.9')).toBe('en');
    expect(errorLanguageOf('tr-TR,tr;q=0.9,en;q=0.8')).toBe('tr');
    expect(errorLanguageOf('de, en;q=0.5, tr;q=0.7')).toBe('tr');
    expect(errorLanguageOf('de, en;q=0.8, tr;q=0.7')).toBe('en');
    expect(errorLanguageOf('en;q=0')).toBe('tr');
  });
});
