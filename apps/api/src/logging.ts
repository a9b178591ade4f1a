import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream, LogFn, Logger } from 'pino';
import pretty from 'pino-pretty';
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

/** Nest's start-up chatter (a line per module and per route): debug in readable logs, not info. */
const START_UP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/** pino hooks for readable logs: START_UP_CONTEXTS lines go to debug. */
export const READABLE_HOOKS = {
  logMethod(this: Logger, args: Parameters<LogFn>, method: LogFn, level: number) {
    const [first] = args as unknown[];
    const context = (first as { context?: unknown } | null)?.context;
    if (level === 30 && typeof context === 'string' && START_UP_CONTEXTS.has(context)) {
      this.debug(...args);
      return;
    }
    method.apply(this, args);
  },
};

type LoggedRequest = IncomingMessage & { id?: unknown; originalUrl?: string };

/**
 * The readable development stream: `[14:02:03] INFO: SandboxService: …`, and one line per request
 * (`GET /api/v1/conversations 200 12 ms`). Colours only on a terminal.
 */
export function prettyLogStream(destination?: DestinationStream): DestinationStream {
  return pretty({
    colorize: !destination && process.stdout.isTTY === true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,service,context,req,res,responseTime',
    messageFormat: '{if context}{context}: {end}{msg}',
    destination: destination ?? 1,
    sync: true,
  });
}

/**
 * Logs without secrets or tokens, and per request only its method, URL (redacted), status and
 * duration: JSON lines (`LOG_FORMAT=json`, the default outside development) or readable lines.
 * `destination` defaults to stdout.
 */
export function pinoOptions(config: AppConfig, destination?: DestinationStream): Params {
  const readable = config.logFormat === 'pretty';
  const requestLine = (req: LoggedRequest, status: number) =>
    `${req.method} ${redactUrl(req.originalUrl ?? req.url ?? '')} ${status}`;
  const options: Exclude<Params['pinoHttp'], DestinationStream | unknown[] | undefined> = {
    level: config.env.LOG_LEVEL,
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
    serializers: {
      // A failed query's error quotes values (message, stack, parameters, driver detail): redacted.
      err: redactingErrSerializer,
      // No headers (a dump per request buries what matters) and no query object: the URL shows it, redacted.
      req: (req: LoggedRequest & { raw?: IncomingMessage }) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.url ?? ''),
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
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
    ...(readable
      ? {
          customSuccessMessage: (req: LoggedRequest, res: ServerResponse, responseTime: number) =>
            `${requestLine(req, res.statusCode)} ${Math.round(responseTime)} ms`,
          customErrorMessage: (req: LoggedRequest, res: ServerResponse) => `${requestLine(req, res.statusCode)} failed`,
          hooks: READABLE_HOOKS,
        }
      : {}),
  };
  const stream = readable ? prettyLogStream(destination) : destination;
  return { pinoHttp: stream ? [options, stream] : options };
}
