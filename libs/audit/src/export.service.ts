import { resolve } from 'node:path';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@civic/config';
import { describeError } from '@civic/database';
import { ExportJob, ExportQuery, ExportStatus } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { AuditService } from './audit.service';
import { ExportBundleBuilder } from './export-bundle.builder';

/** Who asked for an export. */
export interface ExportRequester {
  userId: string;
  organizationId: string;
  label: string;
  requestId?: string | null;
}

/**
 * Conversation-log exports: a job row, then an in-process background build (ExportBundleBuilder).
 * PostgreSQL formats every message as its NDJSON line and CSV row in one COPY (no row objects or strings
 * in JavaScript, memory bounded by socket and stream buffers); each file is hashed, CRC'd and deflated
 * while it streams, then PDF transcripts per conversation (bounded sets), stored media and a signed
 * manifest go into the ZIP.
 */
@Injectable()
export class ExportService implements OnApplicationShutdown {
  private readonly logger = new Logger(ExportService.name);
  private readonly running = new Set<Promise<void>>();
  private readonly root: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly builder: ExportBundleBuilder,
    config: AppConfig,
  ) {
    this.root = resolve(config.env.DATA_DIR, 'exports');
  }

  /** Creates the job and its audit event in one transaction, then builds the bundle in the background. */
  async request(requester: ExportRequester, query: ExportQuery): Promise<ExportJob> {
    const job = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.getRepository(ExportJob).save(
        manager.getRepository(ExportJob).create({
          organizationId: requester.organizationId,
          requestedByUserId: requester.userId,
          requestedByLabel: requester.label,
          query,
          status: ExportStatus.Queued,
        }),
      );
      await this.audit.record(
        {
          organizationId: requester.organizationId,
          actorUserId: requester.userId,
          actorLabel: requester.label,
          action: 'export.requested',
          targetType: 'export',
          targetId: saved.id,
          after: { query },
          requestId: requester.requestId,
        },
        manager,
      );
      return saved;
    });
    const run = this.builder
      .build(job.id)
      .catch((error) => this.logger.error(`Export ${job.id} failed: ${describeError(error, { stack: true })}`));
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    return job;
  }

  async get(organizationId: string, id: string): Promise<ExportJob> {
    const job = await this.dataSource.getRepository(ExportJob).findOneBy({ id, organizationId });
    if (!job) {
      throw new DomainError(ErrorCode.ExportNotFound);
    }
    return job;
  }

  /** Absolute path of a finished bundle. */
  bundlePath(job: ExportJob): string {
    if (job.status !== ExportStatus.Completed || !job.filePath) {
      throw new DomainError(ErrorCode.ExportNotReady);
    }
    return resolve(this.root, '..', job.filePath);
  }

  /** Resolves once every background build started by this process has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) {
      await Promise.allSettled([...this.running]);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.idle();
  }
}
