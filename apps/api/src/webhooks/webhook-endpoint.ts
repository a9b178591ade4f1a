import type { IncomingHttpHeaders } from 'node:http';
import type { ChannelAdapter } from '@civic/channels-core';

/**
 * One provider's signed delivery endpoint (POST). The intake route reads the raw bytes, asks the
 * endpoint to check their signature before anything is parsed, then which adapter parses the body.
 */
export interface WebhookEndpoint {
  /** Path of the POST route, also its metrics label (`/webhooks/meta`). */
  readonly path: string;
  /** Throws a DomainError (401 for a missing or wrong signature) when the bytes are not trusted. */
  verify(rawBody: Buffer, headers: IncomingHttpHeaders): void;
  /** Throws a 400 naming the problem when no adapter takes this body. */
  adapterFor(body: unknown): ChannelAdapter;
}
