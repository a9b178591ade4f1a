import { QueryFailedError } from 'typeorm';
import { describeError } from './describe-error';

describe('describeError', () => {
  const pgMessage = 'invalid input syntax for type uuid: "+90 532 111 22 33"';

  it("gives a failed query's name and message with PostgreSQL's quoted values redacted", () => {
    const error = new QueryFailedError('SELECT $1', ['+90 532 111 22 33'], new Error(pgMessage));
    expect(describeError(error)).toBe('QueryFailedError: invalid input syntax for type uuid: "[redacted]"');
  });

  it('keeps the names PostgreSQL quotes and the type of any error', () => {
    expect(describeError(new RangeError('null value in column "display_name" of relation "contact"'))).toBe(
      'RangeError: null value in column "display_name" of relation "contact"',
    );
  });

  it('redacts the stack when asked for it, and handles what is not an Error', () => {
    const error = new Error(pgMessage);
    const described = describeError(error, { stack: true });
    expect(described).toMatch(/^Error: invalid input syntax for type uuid: "\[redacted\]"\n\s+at /);
    expect(described).not.toContain('532');
    expect(describeError(pgMessage)).toBe('invalid input syntax for type uuid: "[redacted]"');
    expect(describeError(undefined)).toBe('undefined');
  });
});
