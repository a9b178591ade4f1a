import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether a scrape may read the metrics: always when no METRICS_TOKEN is set, else only with
 * `Authorization: Bearer <token>`, compared in constant time (hashing first makes the lengths equal).
 */
export function metricsScrapeAllowed(authorization: string | undefined, token: string | undefined): boolean {
  if (!token) {
    return true;
  }
  const given = authorization?.startsWith('Bearer ') ? authorization.slice(7) : '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(token));
}
