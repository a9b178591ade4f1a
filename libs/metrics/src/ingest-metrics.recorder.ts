import { Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import type { NormalizedEvent } from '@civic/channels-core';
import type { IngestMetrics, IngestReport } from '@civic/ingest';

/** Counts ingested events by channel and outcome (stored, duplicate, rejected, unknown_account…). */
@Injectable()
export class IngestMetricsRecorder implements IngestMetrics {
  private readonly events: Counter<'channel' | 'outcome'>;

  constructor(registry: Registry) {
    this.events = new Counter({
      name: 'civic_ingest_events_total',
      help: 'Normalized events through ingest, by channel and outcome (stored, duplicate, updated, unchanged, deferred, unknown_account, unknown_message, rejected)',
      labelNames: ['channel', 'outcome'],
      registers: [registry],
    });
  }

  record(events: readonly NormalizedEvent[], report: IngestReport): void {
    // Aggregate first: one counter update per (channel, outcome) instead of one per event.
    const counts = new Map<string, number>();
    for (let i = 0; i < report.results.length; i++) {
      const key = `${channelOf(events[i])}\u0000${report.results[i].outcome}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const [key, count] of counts) {
      const [channel, outcome] = key.split('\u0000');
      this.events.inc({ channel, outcome }, count);
    }
  }
}

/** A rejected event may lack a valid channel; keep the label set bounded. */
function channelOf(event: NormalizedEvent | undefined): string {
  const channel = (event as { channel?: unknown } | undefined)?.channel;
  return typeof channel === 'string' && KNOWN_CHANNELS.has(channel) ? channel : 'unknown';
}

const KNOWN_CHANNELS = new Set<string>(['facebook', 'instagram', 'whatsapp', 'twitter']);
