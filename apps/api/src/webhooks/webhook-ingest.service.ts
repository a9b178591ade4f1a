import { BadRequestException, Injectable } from '@nestjs/common';
import { ChannelAdapter, WebhookPayloadError } from '@civic/channels-core';
import { IngestBatcher } from '@civic/ingest';

/** What a webhook delivery amounted to; Meta and X only look at the status code. */
export interface WebhookReceipt {
  received: number;
  stored: number;
  duplicates: number;
  updated: number;
  skipped: number;
  rejected: number;
}

/** Parses a verified webhook body with its adapter and stores the events before answering. */
@Injectable()
export class WebhookIngestService {
  constructor(private readonly batcher: IngestBatcher) {}

  async receive(adapter: ChannelAdapter, body: unknown): Promise<WebhookReceipt> {
    let events;
    try {
      events = adapter.parseWebhook(body);
    } catch (error) {
      if (error instanceof WebhookPayloadError) throw new BadRequestException(`Invalid ${adapter.channel} webhook: ${error.message}`);
      throw error;
    }
    // Concurrent deliveries are written together (group commit); each answer covers its own events.
    const report = await this.batcher.submit(events);
    return {
      received: events.length,
      stored: report.stored,
      duplicates: report.duplicates,
      updated: report.updated,
      skipped: report.skipped,
      rejected: report.rejected,
    };
  }
}
