import type { ErrorCode } from './error-code';

/** Values that fill the catalogue's `{placeholders}` and go out as the answer's `details`. */
export type ErrorDetails = Record<string, unknown>;

/**
 * What libraries throw instead of HTTP exceptions: a stable code from ErrorCode and its details.
 * The API turns it into a status and a Turkish or English message from the error catalogue.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetails | null = null,
  ) {
    super(code);
    this.name = 'DomainError';
  }
}
