import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '@civic/config';
import { redactingErrSerializer } from '@civic/database';

/** Query parameters that may carry a credential (the live-updates stream sends its token as ?access_token=). */
const SECRET_QUERY_PARAMS = /^(access_token|token|refresh_token|api_key|apikey|key|password|hub\.verify_token|code)$/i;

/** The request URL as logged: secret-looking query values replaced, so they never reach a log line. */
export function redactUrl(url: string): string {
  const question = url.indexOf('?');
  if (question < 0) {
    return url;
  }
  const params = url
    .slice(question + 1)
    .split('&')
    .map((pair) => {
      const [rawName] = pair.split('=', 1);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        // A malformed escape is logged as sent; only the name decides redaction.
      }
      return SECRET_QUERY_PARAMS.test(name) ? `${rawName}=[redacted]` : pair;
    });
  return `${url.slice(0, question)}?${params.join('&')}`;
}

/** Structured JSON logs; secrets and tokens are never written. `destination` defaults to stdout. */
export function pinoOptions(config: AppConfig, destination?: DestinationStream): Params {
  const options: Exclude<Params['pinoHttp'], DestinationStream | unknown[] | undefined> = {
    level: config.env.LOG_LEVEL,
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
    serializers: {
      // A failed query's error quotes values (message, stack, parameters, driver detail): redacted.
      err: redactingErrSerializer,
      // Only what an operator needs; the query object is left out because the URL already shows it, redacted.
      req: (
        req: IncomingMessage & {
          id?: unknown;
          raw?: IncomingMessage;
          headers: Record<string, unknown>;
          url?: string;
          method?: string;
          remoteAddress?: string;
        },
      ) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.url ?? ''),
        headers: req.headers,
        remoteAddress: req.remoteAddress,
      }),
    },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-hub-signature-256"]',
        'req.headers["x-twitter-webhooks-signature"]',
        'res.headers["set-cookie"]',
        '*.credentials',
        '*.password',
        '*.refreshToken',
        '*.accessToken',
      ],
      censor: '[redacted]',
    },
    customProps: () => ({ service: 'civic-inbox' }),
  };
  return { pinoHttp: destination ? [options, destination] : options };
}
