import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { HttpMetrics } from './http-metrics.service';

/**
 * Times every request until the response is sent. A middleware rather than an interceptor so
 * requests refused by guards (401, 403, 429) and unknown paths are measured too. The route label is
 * the pattern Express matched, read when the response finishes, so cardinality stays bounded.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: HttpMetrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const start = process.hrtime.bigint();
    res.once('finish', () => {
      // Only Nest's routes have string patterns; static files, the web app's RegExp fallback (which
      // also passes on to the 404 handler) and unknown paths share `unmatched`.
      const path = (req.route as { path?: unknown } | undefined)?.path;
      const route = typeof path === 'string' ? `${req.baseUrl ?? ''}${path}` : 'unmatched';
      this.metrics.observe(req.method, route, res.statusCode, Number(process.hrtime.bigint() - start) / 1e9);
    });
    next();
  }
}
