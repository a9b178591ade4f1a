import { once } from 'node:events';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Registry } from 'prom-client';
import { AppConfig } from '@civic/config';
import { describeError } from '@civic/database';
import { metricsScrapeAllowed } from '@civic/metrics';

/**
 * GET /metrics of a worker process, on WORKER_METRICS_PORT: what only this process knows, above
 * all the events it ingested by polling (`civic_ingest_events_total`) and its Node.js process
 * metrics. The worker has no other HTTP, so this is a bare node:http server, not a Nest app.
 * Same switches as the api's endpoint: METRICS_ENABLED=false answers 404, METRICS_TOKEN guards it.
 */
@Injectable()
export class WorkerMetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerMetricsServer.name);
  private server: Server | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly registry: Registry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const port = this.config.env.WORKER_METRICS_PORT;
    if (!port) {
      return;
    }
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.listen(port, this.config.env.HOST);
    await once(this.server, 'listening');
    this.logger.log(`Worker metrics on http://${this.config.env.HOST}:${port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) {
      return;
    }
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics' || this.config.env.METRICS_ENABLED === false) {
      return answer(
        res,
        404,
        'application/json',
        JSON.stringify({ statusCode: 404, error: 'Not Found', message: 'Not found' }),
      );
    }
    if (!metricsScrapeAllowed(req.headers.authorization, this.config.env.METRICS_TOKEN)) {
      return answer(
        res,
        401,
        'application/json',
        JSON.stringify({ statusCode: 401, error: 'Unauthorized', message: 'Missing or wrong metrics token' }),
      );
    }
    try {
      answer(res, 200, this.registry.contentType, await this.registry.metrics());
    } catch (error) {
      this.logger.error(`Metrics scrape failed: ${describeError(error)}`);
      answer(
        res,
        500,
        'application/json',
        JSON.stringify({ statusCode: 500, error: 'Internal Server Error', message: 'Metrics could not be collected' }),
      );
    }
  }
}

function answer(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(body);
}
