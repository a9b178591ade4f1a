import type { TwitterRateLimit } from 'twitter-api-v2';
import { ApiPartialResponseError, ApiRequestError, ApiResponseError } from 'twitter-api-v2';
import { ChannelError, ChannelErrorKind } from '@civic/channels-core';

/** X's problem type for the monthly product cap (HTTP 429, but waiting for the 15-minute reset does not help). */
const USAGE_CAPPED_TYPE = /\/2\/problems\/usage-capped$/;
const CLIENT_FORBIDDEN_TYPE = /\/2\/problems\/client-forbidden$/;

/**
 * 403s that refuse this one request (not the token): duplicate text, a deleted/hidden parent, a user who
 * does not accept DMs, reply restrictions. Everything else on 403 means the token lacks permissions.
 */
const REQUEST_REFUSED_DETAIL = [
  /duplicate content/i,
  /deleted or not visible/i,
  /cannot send messages to this user/i,
  /not allowed to reply/i,
  /reply to this conversation is not allowed/i,
];

interface ProblemBody {
  title?: string;
  detail?: string;
  type?: string;
  reason?: string;
}

/** Classifies what twitter-api-v2 throws into the kinds the rest of the system acts on. */
export function classifyTwitterError(error: unknown): ChannelError {
  if (error instanceof ChannelError) {
    return error;
  }
  if (error instanceof ApiRequestError || error instanceof ApiPartialResponseError) {
    return new ChannelError(
      ChannelErrorKind.Retry,
      { code: 'network', title: 'X API unreachable', detail: error.message },
      null,
      error,
    );
  }
  if (!(error instanceof ApiResponseError)) {
    return new ChannelError(
      ChannelErrorKind.Retry,
      { code: 'unknown', title: 'Unexpected X client failure', detail: String(error) },
      null,
      error,
    );
  }

  const body = (error.data ?? {}) as ProblemBody;
  const info = { code: error.code, title: body.title ?? `HTTP ${error.code}`, detail: body.detail ?? error.message };

  if ((body.type && USAGE_CAPPED_TYPE.test(body.type)) || body.title === 'UsageCapExceeded') {
    return new ChannelError(ChannelErrorKind.Fatal, { ...info, code: 'usage_capped' }, null, error);
  }
  if (error.code === 429) {
    return new ChannelError(ChannelErrorKind.Retry, { ...info, code: 'rate_limited' }, retryAfter(error), error);
  }
  if (error.code === 401) {
    return new ChannelError(ChannelErrorKind.Reauthorize, info, null, error);
  }
  if (error.code === 403) {
    if (body.type && CLIENT_FORBIDDEN_TYPE.test(body.type)) {
      // The app itself is not enrolled for this endpoint: reconnecting the account cannot fix it.
      return new ChannelError(
        ChannelErrorKind.Fatal,
        { ...info, code: body.reason ?? 'client_forbidden' },
        null,
        error,
      );
    }
    if (REQUEST_REFUSED_DETAIL.some((pattern) => pattern.test(body.detail ?? ''))) {
      return new ChannelError(ChannelErrorKind.BadRequest, info, null, error);
    }
    return new ChannelError(ChannelErrorKind.Reauthorize, info, null, error);
  }
  if (error.code >= 500) {
    return new ChannelError(ChannelErrorKind.Retry, info, null, error);
  }
  return new ChannelError(ChannelErrorKind.BadRequest, info, null, error);
}

/**
 * When the exhausted window resets: the 15-minute window, or a 24-hour one if that is what ran out.
 * Falls back to Retry-After, then to null (the caller backs off on its own).
 */
function retryAfter(error: ApiResponseError): Date | null {
  const limit: TwitterRateLimit | undefined = error.rateLimit;
  if (limit && Number.isFinite(limit.reset)) {
    const exhausted = [limit, limit.day, limit.userDay].filter(
      (window) => window && window.remaining === 0 && Number.isFinite(window.reset),
    );
    const reset = exhausted.length ? Math.max(...exhausted.map((window) => window!.reset)) : limit.reset;
    return new Date(reset * 1000);
  }
  const header = Number(error.headers?.['retry-after']);
  return Number.isFinite(header) && header > 0 ? new Date(Date.now() + header * 1000) : null;
}
