import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';

const WEBHOOK_ROUTE = /^\/webhooks\/([a-z]+)/;

/** HTTP latency by route pattern, and webhook deliveries with their signature failures. */
@Injectable()
export class HttpMetrics {
  private readonly duration: Histogram<'method' | 'route' | 'status'>;
  private readonly webhookRequests: Counter<'provider' | 'status'>;
  private readonly signatureFailures: Counter<'provider'>;

  constructor(registry: Registry) {
    this.duration = new Histogram({
      name: 'civic_http_request_duration_seconds',
      help: 'HTTP request duration by method, route pattern (never the raw URL) and status code',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    this.webhookRequests = new Counter({
      name: 'civic_webhook_requests_total',
      help: 'Webhook deliveries (POST) by provider and status code',
      labelNames: ['provider', 'status'],
      registers: [registry],
    });
    this.signatureFailures = new Counter({
      name: 'civic_webhook_signature_failures_total',
      help: 'Webhook deliveries refused because the signature was missing or wrong',
      labelNames: ['provider'],
      registers: [registry],
    });
  }

  /** `route` is the matched pattern (`/api/v1/conversations/:id`) or `unmatched`. */
  observe(method: string, route: string, status: number, seconds: number): void {
    this.duration.observe({ method, route, status: String(status) }, seconds);
    const webhook = method === 'POST' ? WEBHOOK_ROUTE.exec(route) : null;
    if (webhook) {
      this.webhookRequests.inc({ provider: webhook[1], status: String(status) });
      // The webhook routes are public: their only 401 is a failed signature check.
      if (status === 401) {
        this.signatureFailures.inc({ provider: webhook[1] });
      }
    }
  }
}
