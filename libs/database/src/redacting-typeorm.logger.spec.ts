import { redactDatabaseMessage, redactingErrSerializer, redactSql } from './redacting-typeorm.logger';

describe('redacting TypeORM logger', () => {
  it('replaces the values PostgreSQL quotes and keeps the names of relations, columns and constraints', () => {
    expect(redactDatabaseMessage('invalid input syntax for type uuid: "+90 532 111 22 33"')).toBe(
      'invalid input syntax for type uuid: "[redacted]"',
    );
    expect(redactDatabaseMessage('invalid input value for enum channel: "Ayşe ""Yılmaz"""')).toBe(
      'invalid input value for enum channel: "[redacted]"',
    );
    expect(
      redactDatabaseMessage('null value in column "display_name" of relation "contact" violates not-null constraint'),
    ).toBe('null value in column "display_name" of relation "contact" violates not-null constraint');
    expect(redactDatabaseMessage('duplicate key value violates unique constraint "uq_channel_account_external"')).toBe(
      'duplicate key value violates unique constraint "uq_channel_account_external"',
    );
    expect(redactDatabaseMessage('syntax error at or near "Yılmaz"')).toBe('syntax error at or near "[redacted]"');
  });

  it("replaces the query's string literals, keeps placeholders and cuts long queries", () => {
    expect(redactSql(`SELECT * FROM contact WHERE phone = '+90 532' AND name = E'Ay\\'şe' AND id = $1`)).toBe(
      "SELECT * FROM contact WHERE phone = '[redacted]' AND name = '[redacted]' AND id = $1",
    );
    expect(redactSql("SELECT 'O''Brien', $tag$gizli metin$tag$")).toBe("SELECT '[redacted]', '[redacted]'");
    expect(redactSql(`SELECT ${'x'.repeat(3000)}`)).toHaveLength(2001);
  });

  it('reduces a failed query logged as err, as the error filter or pino-http hand it over, to type, code and redacted text', () => {
    const message = 'invalid input syntax for type uuid: "+90 532 111 22 33"';
    const stack = `QueryFailedError: ${message}\n    at PostgresQueryRunner.query (PostgresQueryRunner.js:219:19)`;
    const redacted = {
      type: 'QueryFailedError',
      message: 'invalid input syntax for type uuid: "[redacted]"',
      stack: expect.stringMatching(/^QueryFailedError: invalid input syntax for type uuid: "\[redacted\]"\n {4}at /),
      code: undefined,
    };
    expect(redactingErrSerializer({ type: 'QueryFailedError', message, stack })).toEqual(redacted);
    expect(redactingErrSerializer({ type: 'Object', message, stack, parameters: ['+90 532 111 22 33'] })).toEqual(
      redacted,
    );
    const ordinary = redactingErrSerializer(new RangeError('sınır')) as Record<string, unknown>;
    expect(ordinary).toMatchObject({ type: 'RangeError', message: 'sınır' });
  });
});
