import { redactDatabaseMessage } from './redacting-typeorm.logger';

/**
 * An error for a log line: its name and message (or, asked for, its stack) with every quoted value
 * redacted, since a failed query's message quotes the value (`invalid input syntax for type uuid: "…"`).
 */
export function describeError(error: unknown, options: { stack?: boolean } = {}): string {
  if (!(error instanceof Error)) {
    return redactDatabaseMessage(String(error));
  }
  if (options.stack && error.stack) {
    return redactDatabaseMessage(error.stack);
  }
  return redactDatabaseMessage(`${error.name}: ${error.message}`);
}
