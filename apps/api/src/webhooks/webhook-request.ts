import type { IncomingMessage } from 'node:http';

/** An express request with the bytes as sent (the app is created with rawBody: true), as signed webhooks handled by Nest controllers read it. */
export type WebhookRequest = IncomingMessage & { body: unknown; rawBody?: Buffer };
