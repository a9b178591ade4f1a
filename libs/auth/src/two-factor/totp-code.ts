import { Secret, TOTP } from 'otpauth';

export const TOTP_PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpFor(secretBase32: string, label = '', issuer = 'civic-inbox'): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** The 30-second step a code belongs to, accepting one step either side (clock drift); null when wrong. */
export function matchingTotpStep(secretBase32: string, typed: string, now = Date.now()): number | null {
  const token = typed.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) {
    return null;
  }
  const delta = totpFor(secretBase32).validate({ token, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / TOTP_PERIOD_SECONDS) + delta;
}
