/**
 * A phone number as a citizen says it at the desk (`0532 123 45 67`, `+90 (532) 123-4567`,
 * `5321234567`) in E.164 (`+905321234567`), or null when it cannot be one. Turkish numbers
 * without a country code get +90; a number with `+` or `00` keeps its own country code.
 */
export function normalizePhone(input: string): string | null {
  const trimmed = input.trim();
  if (!/^[+\d][\d\s().-]*$/.test(trimmed)) {
    return null;
  }
  let digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) {
    return digits.length >= 8 && digits.length <= 15 && !digits.startsWith('0') ? `+${digits}` : null;
  }
  if (digits.startsWith('00')) {
    digits = digits.slice(2);
    return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
  }
  if (digits.startsWith('90') && digits.length === 12) {
    digits = digits.slice(2);
  } else if (digits.startsWith('0') && digits.length === 11) {
    digits = digits.slice(1);
  }
  // Turkish subscriber numbers: 10 digits, area or operator code first (2xx-4xx landline, 5xx mobile, 850).
  return /^[2-58]\d{9}$/.test(digits) ? `+90${digits}` : null;
}
