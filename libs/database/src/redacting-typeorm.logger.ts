import { Logger as NestLogger } from '@nestjs/common';
import pino from 'pino';
import type { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';

/** A quoted name PostgreSQL puts after one of these words is an identifier, not a value. */
const IDENTIFIER_BEFORE_QUOTE =
  /\b(relation|column|constraint|table|index|type|function|schema|database|role|encoding|sequence|operator|extension|trigger|view|cursor|savepoint|prepared statement)\s+$/i;
const MAX_QUERY_LOGGED = 2000;

/**
 * PostgreSQL's message with every quoted value replaced: `invalid input syntax for type uuid:
 * "+90 532 …"` becomes `… uuid: "[redacted]"`; quoted identifiers (relation "contact") stay.
 */
export function redactDatabaseMessage(message: string): string {
  return message.replace(/"((?:[^"]|"")*)"/g, (quoted, _inner, offset: number) =>
    IDENTIFIER_BEFORE_QUOTE.test(message.slice(0, offset)) ? quoted : '"[redacted]"',
  );
}

/** The SQL as logged: string literals replaced (values belong in parameters, but a raw query may inline them), cut short. */
export function redactSql(query: string): string {
  const redacted = query
    .replace(/\b[eE]'(?:[^'\\]|\\.|'')*'|'(?:[^']|'')*'/g, "'[redacted]'")
    .replace(/\$([A-Za-z_]*)\$[\s\S]*?\$\1\$/g, "'[redacted]'");
  return redacted.length > MAX_QUERY_LOGGED ? `${redacted.slice(0, MAX_QUERY_LOGGED)}…` : redacted;
}

/** What an operator needs of a driver error; never `detail`, `where` or `hint`, which quote row values. */
function describeDriverError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) {
    return { message: redactDatabaseMessage(String(error)) };
  }
  const pg = error as Error &
    Partial<
      Record<'code' | 'severity' | 'table' | 'column' | 'constraint' | 'dataType' | 'routine' | 'position', string>
    >;
  const fields = {
    code: pg.code,
    severity: pg.severity,
    table: pg.table,
    column: pg.column,
    constraint: pg.constraint,
    dataType: pg.dataType,
    routine: pg.routine,
    position: pg.position,
  };
  return {
    message: redactDatabaseMessage(error.message),
    ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
  };
}

/**
 * A serialized error (pino's `err`) as it may be logged: a QueryFailedError keeps its type, SQLSTATE
 * and redacted message and stack; its parameters, query and driver error (whose detail quotes row
 * values) are dropped. Anything else is returned unchanged.
 */
export function redactQueryFailure<T>(serialized: T): T | Record<string, unknown> {
  const err = serialized as {
    type?: unknown;
    name?: unknown;
    message?: unknown;
    stack?: unknown;
    code?: unknown;
    driverError?: { code?: unknown };
  } | null;
  if (!err || typeof err !== 'object') {
    return serialized;
  }
  // pino-http serializes first: a plain { type, message, stack } (the error filter's) arrives typed 'Object'.
  const isQueryFailure =
    err.type === 'QueryFailedError' ||
    err.name === 'QueryFailedError' ||
    (typeof err.stack === 'string' && err.stack.startsWith('QueryFailedError:'));
  if (!isQueryFailure) {
    return serialized;
  }
  const text = (value: unknown) => (typeof value === 'string' ? redactDatabaseMessage(value) : undefined);
  return {
    type: 'QueryFailedError',
    message: text(err.message),
    stack: text(err.stack),
    code: err.code ?? err.driverError?.code,
  };
}

/**
 * pino's `err` serializer with failed queries redacted. Inside a request pino-http has already
 * applied pino's own (a plain object then arrives typed 'Object'); outside one the error is raw.
 */
export function redactingErrSerializer(err: unknown): unknown {
  const redacted = redactQueryFailure(err);
  if (redacted !== err) {
    return redacted;
  }
  return err instanceof Error ? pino.stdSerializers.err(err) : err;
}

/**
 * TypeORM's logging through the application's logger (pino in the api and the worker), as structured
 * entries. TypeORM's own loggers print `query failed: … -- PARAMETERS: [...]` to the console, outside
 * pino's redaction: message texts, phone numbers, names. Parameters are never logged here, only
 * their count; PostgreSQL's quoted values and the query's string literals are redacted.
 */
export class RedactingTypeOrmLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('TypeORM');

  /** Every query passes here; successful ones are not logged (request lines and metrics cover them). */
  logQuery(_query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {}

  logQueryError(error: string | Error, query: string, parameters?: unknown[], _queryRunner?: QueryRunner): void {
    this.logger.error(
      { db: describeDriverError(error), query: redactSql(query), parameterCount: parameters?.length ?? 0 },
      'Query failed',
    );
  }

  logQuerySlow(time: number, query: string, parameters?: unknown[], _queryRunner?: QueryRunner): void {
    this.logger.warn(
      { durationMs: time, query: redactSql(query), parameterCount: parameters?.length ?? 0 },
      'Slow query',
    );
  }

  // Schema, migration and informational messages stay unlogged, as with `logging: ['error']` before.
  logSchemaBuild(_message: string, _queryRunner?: QueryRunner): void {}

  logMigration(_message: string, _queryRunner?: QueryRunner): void {}

  log(_level: 'log' | 'info' | 'warn', _message: unknown, _queryRunner?: QueryRunner): void {}
}
