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

  it('parses booleans and integers', () => {
    const env = validateEnvironment({ SANDBOX: 'false', DATABASE_POOL_MAX: '3' });
    expect(env.SANDBOX).toBe(false);
    expect(env.DATABASE_POOL_MAX).toBe(3);
  });
});
