import { ConfigValidationError, validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('applies defaults', () => {
    const env = validateEnvironment({});
    expect(env.PORT).toBe(3000);
    expect(env.META_GRAPH_VERSION).toBe('v25.0');
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('names the variable with a wrong value', () => {
    expect(() => validateEnvironment({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => validateEnvironment({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a postgres/);
    expect(() => validateEnvironment({ META_GRAPH_VERSION: '25' })).toThrow(ConfigValidationError);
  });

  it('needs MAIL_FROM with SMTP_URL, and an smtp:// or smtps:// URL', () => {
    expect(() => validateEnvironment({ SMTP_URL: 'smtp://relay.belediye.tr:587' })).toThrow(
      /MAIL_FROM is required when SMTP_URL is set/,
    );
    expect(() => validateEnvironment({ SMTP_URL: 'http://relay.belediye.tr', MAIL_FROM: 'a@b.tr' })).toThrow(
      /SMTP_URL must be an smtp/,
    );
    expect(
      validateEnvironment({
        SMTP_URL: 'smtps://u:p@relay.belediye.tr:465',
        MAIL_FROM: 'Bornova Belediyesi <basvuru@bornova.bel.tr>',
      }).MAIL_FROM,
    ).toBe('Bornova Belediyesi <basvuru@bornova.bel.tr>');
    expect(validateEnvironment({ MAIL_FROM: '' }).SMTP_URL).toBeUndefined();
  });

  it('parses booleans and integers', () => {
    const env = validateEnvironment({ SANDBOX: 'false', DATABASE_POOL_MAX: '3' });
    expect(env.SANDBOX).toBe(false);
    expect(env.DATABASE_POOL_MAX).toBe(3);
  });
});
