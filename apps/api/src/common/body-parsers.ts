import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * JSON and form bodies of every Express route (the API, case updates from external bodies). The
 * largest DTOs (a case description or a note of 10,000 characters, 500 ids in a bulk action) stay
 * well under this; an 877 KB body of 60,000 keys is refused from its Content-Length, unread.
 */
export const DEFAULT_BODY_LIMIT = '100kb';

/** Routes that carry more: a reply's text may be 64 KiB of UTF-8, up to three times that once JSON-escaped. */
export const LARGER_BODY_ROUTES: ReadonlyArray<{ method: string; path: RegExp; limit: string }> = [
  { method: 'POST', path: /^\/api\/v1\/conversations\/[^/]+\/replies\/?$/i, limit: '256kb' },
  // Neighbourhood boundaries: a district's GeoJSON file (MAX_BOUNDARY_FILE_BYTES in @civic/cases).
  { method: 'POST', path: /^\/api\/v1\/neighbourhoods\/boundaries\/?$/i, limit: '5mb' },
];

/** Keeps the exact bytes as req.rawBody (signed case updates are verified on them; UTF-8 is checked on them). */
function keepRawBody(req: IncomingMessage, _res: ServerResponse, buffer: Buffer): void {
  (req as IncomingMessage & { rawBody?: Buffer }).rawBody = buffer;
}

function parsersFor(limit: string): RequestHandler[] {
  return [
    express.json({ limit, verify: keepRawBody }),
    express.urlencoded({ limit, extended: false, verify: keepRawBody }),
  ];
}

/** One middleware: each request's body is parsed with the limit of its route (a larger body is a 413, unread). */
export function bodyParsers(): RequestHandler {
  const fallback = parsersFor(DEFAULT_BODY_LIMIT);
  const larger = LARGER_BODY_ROUTES.map((route) => ({ ...route, parsers: parsersFor(route.limit) }));
  return (req: Request, res: Response, next: NextFunction) => {
    const [json, urlencoded] =
      larger.find((route) => route.method === req.method && route.path.test(req.path))?.parsers ?? fallback;
    json(req, res, (error?: unknown) => (error ? next(error) : urlencoded(req, res, next)));
  };
}
