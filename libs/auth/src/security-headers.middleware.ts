import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, NestMiddleware } from '@nestjs/common';

/** Paths whose answers carry citizens' personal data (the JSON API and its downloads). */
const API_PATH = /^\/api\//;
/** Swagger UI's page: its template has inline <style> blocks and its CSS draws icons from data: URIs. */
const DOCS_PATH = /^\/docs(\/|$)/;

const BASE_CSP = "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'";
/**
 * The web inbox shows attachments from blob: URLs (fetched with the bearer header; see use-media-url.ts)
 * and the case map's tiles from the tile server (MAP_TILE_URL's origin); Leaflet blanks a tile it
 * drops with a one-pixel data: GIF, hence data: for images (never for scripts or frames).
 */
const csp = (imageOrigins: string[]) =>
  `${BASE_CSP}; img-src ${["'self'", 'blob:', 'data:', ...imageOrigins].join(' ')}; media-src 'self' blob:`;
const DOCS_CSP = `${BASE_CSP}; style-src 'self' 'unsafe-inline'; img-src 'self' data:`;

/**
 * The handful of helmet headers that matter for a JSON API and the bundled single-page app. Mounted
 * as the first Express middleware (configureHttpApp), so every answer carries them: the web app,
 * /docs, static files, 404s and errors; the signed webhook routes apply it themselves.
 */
@Injectable()
export class SecurityHeadersMiddleware implements NestMiddleware {
  private readonly csp: string;

  /** `imageOrigins`: other origins the web app may load images from (the map's tile server). */
  constructor(imageOrigins: string[] = []) {
    this.csp = csp(imageOrigins);
  }

  use(req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, next: () => void): void {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Strict-Transport-Security', 'max-age=15552000; includeSubDomains');
    const path = req.originalUrl ?? req.url ?? '';
    res.setHeader('Content-Security-Policy', DOCS_PATH.test(path) ? DOCS_CSP : this.csp);
    // Officers share desks and browsers: no API answer (messages, contacts, exports) is kept in a
    // browser or proxy cache. A route that may be cached says so itself (media: private, 1 h).
    if (API_PATH.test(path)) {
      res.setHeader('Cache-Control', 'no-store');
    }
    res.removeHeader('X-Powered-By');
    next();
  }
}
