import type { IncomingMessage } from 'node:http';

/** The request id the logger gave this request (or the caller's X-Request-Id), for the audit trail. */
export function requestIdOf(req: IncomingMessage): string | null {
  const id = (req as IncomingMessage & { id?: unknown }).id ?? req.headers['x-request-id'];
  return id === undefined || id === null ? null : String(id);
}
