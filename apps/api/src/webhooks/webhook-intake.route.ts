import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import getRawBody from 'raw-body';
import { SecurityHeadersMiddleware } from '@civic/auth';
import { describeError } from '@civic/database';
import { DomainError, ErrorCode } from '@civic/errors';
import { AllExceptionsFilter } from '../common/all-exceptions.filter';
import { depthExceeds, MAX_BODY_DEPTH } from '../common/request-body.guards';
import { HttpMetrics } from '../metrics/http-metrics.service';
import { MetaWebhookEndpoint } from './meta-webhook.endpoint';
import { TwitterWebhookEndpoint } from './twitter-webhook.endpoint';
import { WebhookEndpoint } from './webhook-endpoint';
import { WebhookIngestService } from './webhook-ingest.service';

/** Meta batches are small; anything near this is abuse (same limit as the JSON API). */
const WEBHOOK_BODY_LIMIT = '1mb';

/**
 * The signed delivery routes (POST /webhooks/meta, /webhooks/twitter), taken off the HTTP server
 * before Express sees the request. In a crisis Meta posts thousands of one-event deliveries a
 * second; through the full stack (request logging, body parsers, guards, interceptors) the
 * framework alone cost more per delivery than storing it, and Express's router alone was a tenth
 * of the api's time under that load (profiled). Here a delivery is: read the bytes
 * (1 MB limit), check the signature on them before anything is parsed, parse, commit the events to
 * the webhook inbox, answer.
 * Refusals keep the API's error shape; every delivery is timed in the HTTP metrics as before.
 */
@Injectable()
export class WebhookIntakeRoute {
  private readonly logger = new Logger(WebhookIntakeRoute.name);
  private readonly errors = new AllExceptionsFilter();
  private readonly securityHeaders = new SecurityHeadersMiddleware();
  private readonly endpoints: WebhookEndpoint[];

  constructor(
    meta: MetaWebhookEndpoint,
    twitter: TwitterWebhookEndpoint,
    private readonly receiver: WebhookIngestService,
    private readonly metrics: HttpMetrics,
  ) {
    this.endpoints = [meta, twitter];
  }

  /**
   * Puts these routes in front of Express on the app's HTTP server: a POST to one of their paths
   * is handled here, every other request goes to Express as before. Paths match as Express matched
   * them: without the query string, in any case, with or without a trailing slash.
   */
  mount(app: NestExpressApplication): void {
    const server: Server = app.getHttpServer();
    const byPath = new Map(this.endpoints.map((endpoint) => [endpoint.path.toLowerCase(), endpoint]));
    const [express] = server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
    server.removeListener('request', express);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const endpoint = req.method === 'POST' ? byPath.get(routePath(req.url ?? '')) : undefined;
      if (endpoint) {
        void this.handle(endpoint, req, res);
      } else {
        express(req, res);
      }
    });
  }

  private async handle(endpoint: WebhookEndpoint, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    this.securityHeaders.use(req, res, () => undefined);
    let status: number = HttpStatus.OK;
    let payload: unknown;
    try {
      const rawBody = await this.readBody(req);
      endpoint.verify(rawBody, req.headers);
      const body = parseJson(rawBody);
      payload = await this.receiver.receive(endpoint.adapterFor(body), body);
    } catch (error) {
      payload = this.errors.toBody(error, req.headers['accept-language']);
      status = (payload as { statusCode: number }).statusCode;
      if (status >= 500) {
        this.logger.error(`Webhook ${endpoint.path} failed: ${describeError(error, { stack: true })}`);
      } else if (status !== HttpStatus.UNAUTHORIZED) {
        this.logger.warn(`Webhook ${endpoint.path} refused (${status}): ${(payload as { message: string }).message}`);
      }
    }
    if (!res.headersSent && !res.writableEnded) {
      res.statusCode = status;
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.end(JSON.stringify(payload));
    }
    this.metrics.observe('POST', endpoint.path, status, Number(process.hrtime.bigint() - started) / 1e9);
  }

  private readBody(req: IncomingMessage): Promise<Buffer> {
    const encoding = req.headers['content-encoding'];
    if (encoding && encoding !== 'identity') {
      // Signatures are made over the bytes as sent; neither Meta nor X compresses deliveries.
      return Promise.reject(new DomainError(ErrorCode.UnsupportedContentEncoding, { encoding }));
    }
    // raw-body refuses a larger body (or Content-Length) with a 413 error before reading it all.
    return getRawBody(req, { limit: WEBHOOK_BODY_LIMIT, length: req.headers['content-length'] });
  }
}

/** "/Webhooks/Meta/?x=1" → "/webhooks/meta". */
function routePath(url: string): string {
  const query = url.indexOf('?');
  const path = (query === -1 ? url : url.slice(0, query)).toLowerCase();
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/** The verified bytes as JSON: UTF-8, well-formed, and no deeper than the API accepts. */
function parseJson(rawBody: Buffer): unknown {
  if (!isUtf8(rawBody)) {
    throw new DomainError(ErrorCode.RequestNotUtf8);
  }
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new DomainError(ErrorCode.WebhookInvalidJson);
  }
  if (depthExceeds(body, MAX_BODY_DEPTH)) {
    throw new DomainError(ErrorCode.RequestTooDeep, { maxDepth: MAX_BODY_DEPTH });
  }
  return body;
}
