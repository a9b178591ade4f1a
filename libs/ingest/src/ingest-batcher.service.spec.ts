import { NormalizedEvent } from '@civic/channels-core';
import { IngestBatcher, MAX_BATCHES_IN_FLIGHT } from './ingest-batcher.service';
import { IngestEventResult, IngestReport } from './ingest-report';
import { IngestService } from './ingest.service';

/** An event that only carries a label the fake ingest echoes back. */
const event = (label: string) => ({ type: 'message', externalId: label }) as unknown as NormalizedEvent;

/** Records each batch it is given; each call waits until released; events labelled "bad" fail their batch. */
class RecordingIngest {
  readonly batches: string[][] = [];
  private releases: (() => void)[] = [];

  async ingest(events: NormalizedEvent[]): Promise<IngestReport> {
    const labels = events.map((e) => (e as unknown as { externalId: string }).externalId);
    this.batches.push(labels);
    await new Promise<void>((release) => this.releases.push(release));
    if (labels.includes('bad') && labels.length > 1) throw new Error('merged batch failed');
    const results: IngestEventResult[] = labels.map((label) =>
      label === 'bad' ? { outcome: 'rejected', reason: 'bad' } : { outcome: 'stored', messageId: `m-${label}`, conversationId: `c-${label}` },
    );
    return {
      results,
      stored: results.filter((r) => r.outcome === 'stored').length,
      duplicates: 0,
      updated: 0,
      skipped: 0,
      rejected: results.filter((r) => r.outcome === 'rejected').length,
      touched: [{ organizationId: 'o', conversationIds: labels.map((l) => `c-${l}`), newMessageIds: labels.map((l) => `m-${l}`) }],
    };
  }

  async releaseAll(): Promise<void> {
    while (this.releases.length > 0) {
      this.releases.splice(0).forEach((release) => release());
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

describe('IngestBatcher', () => {
  it('writes a delivery at once when idle, and merges deliveries that arrive while batches are being written', async () => {
    const ingest = new RecordingIngest();
    const batcher = new IngestBatcher(ingest as unknown as IngestService);
    const reports = ['a', 'b', 'c', 'd', 'e'].map((label) => batcher.submit([event(label)]));
    expect(ingest.batches).toEqual([['a'], ['b']].slice(0, MAX_BATCHES_IN_FLIGHT));
    await ingest.releaseAll();
    const settled = await Promise.all(reports);
    expect(ingest.batches).toEqual([['a'], ['b'], ['c', 'd', 'e']]);
    // Each caller sees its own event only, with its own counts and touched ids.
    expect(settled.map((r) => r.results.map((x) => x.messageId))).toEqual([['m-a'], ['m-b'], ['m-c'], ['m-d'], ['m-e']]);
    expect(settled[3].stored).toBe(1);
    expect(settled[3].touched).toEqual([{ organizationId: 'o', conversationIds: ['c-d'], newMessageIds: ['m-d'] }]);
  });

  it('writes each delivery of a failed merged batch on its own, so one bad delivery fails nobody else', async () => {
    const ingest = new RecordingIngest();
    const batcher = new IngestBatcher(ingest as unknown as IngestService);
    const reports = ['a', 'b', 'c', 'bad', 'e'].map((label) => batcher.submit([event(label)]));
    await ingest.releaseAll();
    const settled = await Promise.all(reports);
    expect(ingest.batches).toEqual([['a'], ['b'], ['c', 'bad', 'e'], ['c'], ['bad'], ['e']]);
    expect(settled.map((r) => r.results[0].outcome)).toEqual(['stored', 'stored', 'stored', 'rejected', 'stored']);
  });
});
