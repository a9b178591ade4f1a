import { matchingTotpStep, newTotpSecret, totpFor } from './totp-code';

describe('matchingTotpStep', () => {
  const secret = newTotpSecret();
  const now = 1_800_000_015_000;
  const step = Math.floor(now / 30_000);
  const codeAt = (offsetSteps: number) => totpFor(secret).generate({ timestamp: now + offsetSteps * 30_000 });

  it('accepts the current code and one step either side, giving the step the code belongs to', () => {
    expect(matchingTotpStep(secret, codeAt(0), now)).toBe(step);
    expect(matchingTotpStep(secret, codeAt(-1), now)).toBe(step - 1);
    expect(matchingTotpStep(secret, codeAt(1), now)).toBe(step + 1);
    expect(matchingTotpStep(secret, ` ${codeAt(0).slice(0, 3)} ${codeAt(0).slice(3)} `, now)).toBe(step);
  });

  it('refuses codes two steps away and non-codes', () => {
    for (const offset of [-2, 2]) {
      const code = codeAt(offset);
      // A code two steps away may collide with a nearer one by chance (1 in a million); skip that case.
      if ([-1, 0, 1].some((o) => codeAt(o) === code)) {
        continue;
      }
      expect(matchingTotpStep(secret, code, now)).toBeNull();
    }
    expect(matchingTotpStep(secret, '12345', now)).toBeNull();
    expect(matchingTotpStep(secret, 'abcdef', now)).toBeNull();
  });
});
