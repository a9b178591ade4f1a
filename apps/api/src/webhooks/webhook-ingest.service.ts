import { Inject, Injectable, Optional } from '@nestjs/common';
import { ChannelAdapter, NormalizedEvent, WebhookPayloadError } from '@civic/channels-core';
import { DomainError, ErrorCode } from '@civic/errors';
import {
  countOutcomes,
  INGEST_METRICS,
  IngestEventResult,
  IngestMetrics,
  validateEvent,
  WebhookInboxWriter,
} from '@civic/ingest';

/** What a webhook delivery amounted to; Meta and X only look at the status code. */
export interface WebhookReceipt {
  /** Events in the delivery. */
  received: number;
  /** Events committed to the webhook inbox; they reach the inbox moments later. */
  accepted: number;
  /** Events refused as malformed (counted in civic_ingest_events_total as "rejected"). */
  rejected: number;
}

/**
 * Parses a verified webhook body with its adapter, checks each event, and commits the good ones
 * to the webhook inbox before answering. Ingest happens behind it (WebhookInboxDrainer), so a
 * burst is answered at the speed of one small insert, not of ingest.
 */
@Injectable()
export class WebhookIngestService {
  constructor(
    private readonly inbox: WebhookInboxWriter,
    @Optional() @Inject(INGEST_METRICS) private readonly metrics?: IngestMetrics,
  ) {}

  async receive(adapter: ChannelAdapter, body: unknown): Promise<WebhookReceipt> {
    let events: NormalizedEvent[];
    try {
      events = adapter.parseWebhook(body);
    } catch (error) {
      if (error instanceof WebhookPayloadError) {
        throw new DomainError(ErrorCode.WebhookPayloadInvalid, { channel: adapter.channel, problem: error.message });
      }
      throw error;
    }
    const valid: NormalizedEvent[] = [];
    const refused: NormalizedEvent[] = [];
    const reasons: IngestEventResult[] = [];
    for (const event of events) {
      const problem = validateEvent(event);
      if (problem === null) {
        valid.push(event);
      } else {
        refused.push(event);
        reasons.push({ outcome: 'rejected', reason: problem });
      }
    }
    await this.inbox.stage(valid);
    if (refused.length > 0) {
      this.metrics?.record(refused, { results: reasons, ...countOutcomes(reasons), touched: [] });
    }
    return { received: events.length, accepted: valid.length, rejected: refused.length };
  }
}
