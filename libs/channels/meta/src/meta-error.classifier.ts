import type { AxiosError } from 'axios';
import { isAxiosError } from 'axios';
import { ChannelError, ChannelErrorKind } from '@civic/channels-core';

/** The error object of a Graph API error body: `{ error: { message, type, code, error_subcode, fbtrace_id } }`. */
export interface MetaGraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_user_title?: string;
  error_user_msg?: string;
  is_transient?: boolean;
  error_data?: { details?: string; messaging_product?: string } | string;
  fbtrace_id?: string;
}

/** Expired, revoked or invalidated tokens (190) and the old API-session code (102). */
const REAUTHORIZE_CODES = new Set([102, 190]);

/**
 * Throttling: app (4), user (17), page (32), API-specific (613), business use case (80001-80014),
 * WhatsApp throughput (130429) and pair rate limit (131056). All lift with time.
 */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 130429, 131056]);
const isBusinessUseCaseLimit = (code: number) => code >= 80001 && code <= 80014;

/** Unknown / temporarily unavailable errors Meta itself tells callers to retry. */
const TRANSIENT_CODES = new Set([1, 2, 131000, 131016]);

/** The WhatsApp account or number can no longer send (locked, restricted): an operator has to act. */
const FATAL_CODES = new Set([131031, 368]);

type Headers = Record<string, unknown> | undefined;

function header(headers: Headers, name: string): string | undefined {
  if (!headers) {
    return undefined;
  }
  const value = (headers as Record<string, unknown>)[name] ?? (headers as Record<string, unknown>)[name.toLowerCase()];
  if (value == null) {
    return undefined;
  }
  return Array.isArray(value) ? String(value[0]) : String(value);
}

/**
 * When a throttled call may be retried, from `Retry-After` (seconds) or the minutes Meta puts in
 * `estimated_time_to_regain_access` of X-Business-Use-Case-Usage / X-Ad-Account-Usage.
 */
export function metaRetryAfter(headers: Headers, now: Date = new Date()): Date | null {
  const retryAfter = header(headers, 'retry-after');
  if (retryAfter && /^\d+$/.test(retryAfter.trim())) {
    return new Date(now.getTime() + Number(retryAfter) * 1000);
  }
  let minutes = 0;
  const usage = header(headers, 'x-business-use-case-usage');
  if (usage) {
    try {
      const parsed = JSON.parse(usage) as Record<string, Array<{ estimated_time_to_regain_access?: number }>>;
      for (const entries of Object.values(parsed)) {
        for (const entry of entries ?? []) {
          minutes = Math.max(minutes, Number(entry.estimated_time_to_regain_access) || 0);
        }
      }
    } catch {
      // A header we cannot read gives no hint; the caller falls back to its own backoff.
    }
  }
  return minutes > 0 ? new Date(now.getTime() + minutes * 60_000) : null;
}

function detailOf(error: MetaGraphErrorBody): string | null {
  if (typeof error.error_data === 'string') {
    return error.error_data;
  }
  return error.error_data?.details ?? error.error_user_msg ?? null;
}

/** Classifies a Graph API error body (plus HTTP status and headers) into what the system should do. */
export function classifyMetaErrorBody(
  status: number | null,
  error: MetaGraphErrorBody | null,
  headers?: Headers,
  cause?: unknown,
): ChannelError {
  const code = typeof error?.code === 'number' ? error.code : null;
  const info = {
    code,
    title: error?.message ?? error?.error_user_title ?? (status ? `HTTP ${status}` : 'Graph API request failed'),
    detail: error ? detailOf(error) : null,
  };
  if (code != null && REAUTHORIZE_CODES.has(code)) {
    return new ChannelError(ChannelErrorKind.Reauthorize, info, null, cause);
  }
  if (code != null && (RATE_LIMIT_CODES.has(code) || isBusinessUseCaseLimit(code))) {
    return new ChannelError(ChannelErrorKind.Retry, info, metaRetryAfter(headers), cause);
  }
  if (code != null && FATAL_CODES.has(code)) {
    return new ChannelError(ChannelErrorKind.Fatal, info, null, cause);
  }
  if (
    (code != null && TRANSIENT_CODES.has(code)) ||
    error?.is_transient === true ||
    status == null ||
    status >= 500 ||
    status === 429
  ) {
    return new ChannelError(ChannelErrorKind.Retry, info, metaRetryAfter(headers), cause);
  }
  // 100 (invalid parameter), 131047 (outside the 24 h window), 10/200 (permission) and every other 4xx:
  // the same request would fail again.
  return new ChannelError(ChannelErrorKind.BadRequest, info, null, cause);
}

/** Classifies anything a Graph call can throw: an axios error with or without a response, or an unknown failure. */
export function classifyMetaError(err: unknown): ChannelError {
  if (err instanceof ChannelError) {
    return err;
  }
  if (isAxiosError(err)) {
    const axiosError = err as AxiosError<{ error?: MetaGraphErrorBody }>;
    const response = axiosError.response;
    if (!response) {
      // No response: timeout, refused or reset connection. Transient by nature.
      return new ChannelError(
        ChannelErrorKind.Retry,
        { code: axiosError.code ?? null, title: axiosError.message || 'Network error' },
        null,
        err,
      );
    }
    const body = response.data;
    const error = body && typeof body === 'object' && body.error && typeof body.error === 'object' ? body.error : null;
    return classifyMetaErrorBody(response.status, error, response.headers as Headers, err);
  }
  return new ChannelError(
    ChannelErrorKind.Retry,
    { title: err instanceof Error ? err.message : String(err) },
    null,
    err,
  );
}
