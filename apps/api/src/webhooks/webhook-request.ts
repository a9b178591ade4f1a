import type { IncomingMessage } from 'node:http';

/** An express request as the webhook controllers use it (the app is created with rawBody: true). */
export type WebhookRequest = IncomingMessage & { body: unknown; rawBody?: Buffer };
