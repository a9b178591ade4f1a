import { createHmac } from 'node:crypto';

/**
 * Serializes like Meta does before signing: compact JSON with every non-ASCII character escaped as
 * lowercase \uXXXX, so tests exercise verification on the raw bytes, not on re-serialized JSON.
 */
export function metaWebhookJson(body: unknown): string {
  return JSON.stringify(body).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function signWebhookBody(rawBody: string | Buffer, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

export interface SignedWebhookResponse {
  status: number;
  body: string;
}

/** Signs a body with the app secret and POSTs it to a webhook URL the way Meta delivers it. */
export async function postSignedWebhook(
  url: string,
  body: unknown,
  appSecret: string,
  options: { signature?: string; headers?: Record<string, string> } = {},
): Promise<SignedWebhookResponse> {
  const raw = typeof body === 'string' ? body : metaWebhookJson(body);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'facebookexternalua',
      'x-hub-signature-256': options.signature ?? signWebhookBody(raw, appSecret),
      ...options.headers,
    },
    body: raw,
  });
  return { status: response.status, body: await response.text() };
}
