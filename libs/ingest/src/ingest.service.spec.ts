import type { DataSource } from 'typeorm';
import type { AuditService } from '@civic/audit';
import type { NormalizedEvent } from '@civic/channels-core';
import { MessageStore } from '@civic/messages';
import type { IngestReport } from './ingest-report';
import { IngestService } from './ingest.service';

const report: IngestReport = {
  results: [],
  stored: 0,
  duplicates: 0,
  updated: 0,
  skipped: 0,
  rejected: 0,
  touched: [],
};
const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });

/** The whole-batch retry around one attempt (the attempt itself is covered against PostgreSQL in test/foundation). */
describe('IngestService deadlock retry', () => {
  function serviceWith(attempts: Array<() => Promise<IngestReport>>) {
    const service = new IngestService({} as DataSource, {} as AuditService, new MessageStore());
    const once = jest.spyOn(service as unknown as { ingestOnce: () => Promise<IngestReport> }, 'ingestOnce');
    for (const attempt of attempts) {
      once.mockImplementationOnce(attempt);
    }
    return { service, once };
  }

  it('runs a batch PostgreSQL aborted as a deadlock victim again, and returns the attempt that committed', async () => {
    const { service, once } = serviceWith([
      () => Promise.reject(deadlock),
      () => Promise.reject(deadlock),
      () => Promise.resolve(report),
    ]);
    await expect(service.ingest([] as NormalizedEvent[])).resolves.toBe(report);
    expect(once).toHaveBeenCalledTimes(3);
  });

  it('gives up after three deadlocks, and never retries other errors', async () => {
    const repeated = serviceWith([
      () => Promise.reject(deadlock),
      () => Promise.reject(deadlock),
      () => Promise.reject(deadlock),
      () => Promise.resolve(report),
    ]);
    await expect(repeated.service.ingest([])).rejects.toBe(deadlock);
    expect(repeated.once).toHaveBeenCalledTimes(3);

    const other = Object.assign(new Error('duplicate key'), { code: '23505' });
    const single = serviceWith([() => Promise.reject(other), () => Promise.resolve(report)]);
    await expect(single.service.ingest([])).rejects.toBe(other);
    expect(single.once).toHaveBeenCalledTimes(1);
  });
});
