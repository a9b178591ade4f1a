/** What the rest of the system should do about a failed channel call. */
export enum ChannelErrorKind {
  /** Transient (5xx, timeouts, rate limits): try again later, at `retryAfter` if known. */
  Retry = 'retry',
  /** Token expired or revoked: the account needs an administrator to reconnect it. */
  Reauthorize = 'reauthorize',
  /** The request itself is wrong or not allowed (window closed, text too long): do not retry. */
  BadRequest = 'bad_request',
  /** The account can no longer be used (usage cap, disabled, unknown): stop until an operator acts. */
  Fatal = 'fatal',
}

export interface ChannelErrorInfo {
  code?: string | number | null;
  title: string;
  detail?: string | null;
}

/** A channel call failed; adapters throw this after classifying the API's error. */
export class ChannelError extends Error {
  constructor(
    readonly kind: ChannelErrorKind,
    readonly info: ChannelErrorInfo,
    /** When a rate limit resets, if the channel said so. */
    readonly retryAfter: Date | null = null,
    readonly cause?: unknown,
  ) {
    super(`${kind}: ${info.title}${info.code != null ? ` (${info.code})` : ''}`);
    this.name = 'ChannelError';
  }
}

/** A reply breaks a channel rule and is refused before anything is sent or queued. */
export class ReplyRefusedError extends Error {
  constructor(
    /** Machine-readable reason, e.g. "reply_window_closed", "text_too_long". */
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'ReplyRefusedError';
  }
}
