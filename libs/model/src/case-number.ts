/**
 * Readable case numbers (başvuru no): the year the case was opened, in the organization's time
 * zone, and a per-organization sequence of that year, zero-padded to 6 digits (wider once it
 * passes 999999): `2026-000123`. The database assigns them (trigger on civic_case); this is the
 * one place that formats and reads them back, for search and for status queries.
 */
export const CASE_NUMBER_DIGITS = 6;

export function formatCaseNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(CASE_NUMBER_DIGITS, '0')}`;
}

/** `2026-000123`, `2026-123`, `2026/123`, `#2026-123`, with the year between 2000 and 2999. */
const CASE_NUMBER_TOKEN = /^#?(2\d{3})\s?[-/]\s?(\d{1,9})$/;

/**
 * The canonical number when `text` is exactly one case number (leading zeros optional, so
 * `2026-123` finds `2026-000123`), else null. Sequence 0 is never assigned, so it is no number.
 */
export function parseCaseNumber(text: string | null | undefined): string | null {
  const match = CASE_NUMBER_TOKEN.exec((text ?? '').trim());
  if (!match) {
    return null;
  }
  const sequence = Number(match[2]);
  return sequence > 0 ? formatCaseNumber(Number(match[1]), sequence) : null;
}

/** A number as the database stores it (what parseCaseNumber returns). */
export const CANONICAL_CASE_NUMBER = /^2\d{3}-(\d{6}|[1-9]\d{6,8})$/;
