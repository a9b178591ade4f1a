import { existsSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool, PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { AppConfig } from '@civic/config';
import { describeError } from '@civic/database';
import { ExportFormat, ExportJob, ExportQuery, ExportStatus, RetentionSettings } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { AuditService } from './audit.service';
import { CopyTextDecoder } from './copy-text.decoder';
import { CSV_BOM, csvHeader } from './csv-format';
import { csvLineSql, EXPORT_FROM_SQL, exportColumnsSql, ExportMasking, maskNameSql } from './export-sql';
import { ExportedMessage } from './exported-message';
import { PdfTranscriptWriter } from './pdf-transcript.writer';
import { sealBundle, storedFileEntry } from './signed-bundle';
import { SigningKeyService } from './signing-key.service';
import { ZipArchiveWriter } from './zip-archive.writer';
import { WrittenZipEntry, ZipEntryWriter } from './zip-entry.writer';

/** Who asked for an export. */
export interface ExportRequester {
  userId: string;
  organizationId: string;
  label: string;
  requestId?: string | null;
}

/** Beyond this many conversations an export carries no PDF transcripts (the manifest says so). */
export const EXPORT_PDF_MAX_CONVERSATIONS = 1000;

type Filter = { sql: string; params: unknown[] };

/**
 * Conversation-log exports: a job row, then an in-process background build. PostgreSQL formats every
 * message as its NDJSON line and CSV row in one COPY (no row objects or strings in JavaScript, memory
 * bounded by socket and stream buffers); each file is hashed, CRC'd and deflated while it streams, then
 * PDF transcripts per conversation (bounded sets), stored media and a signed manifest go into the ZIP.
 */
@Injectable()
export class ExportService implements OnApplicationShutdown {
  private readonly logger = new Logger(ExportService.name);
  private readonly running = new Set<Promise<void>>();
  private readonly root: string;
  private readonly mediaRoot: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly signingKey: SigningKeyService,
    config: AppConfig,
  ) {
    this.root = resolve(config.env.DATA_DIR, 'exports');
    this.mediaRoot = resolve(config.mediaDir);
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
    const run = this.build(job.id).catch((error) =>
      this.logger.error(`Export ${job.id} failed: ${describeError(error, { stack: true })}`),
    );
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

  private async build(jobId: string): Promise<void> {
    const repo = this.dataSource.getRepository(ExportJob);
    const job = await repo.findOneByOrFail({ id: jobId });
    const work = join(this.root, job.id);
    const zipName = `${job.id}.zip`;
    const zipPath = join(this.root, zipName);
    const zipTemp = `${zipPath}.part`;
    let zip: ZipArchiveWriter | null = null;
    try {
      await mkdir(work, { recursive: true });
      const where = this.filter(job.organizationId, job.query, job.createdAt);
      const [{ count }] = await this.dataSource.query(
        `SELECT count(*)::int AS count FROM message m JOIN conversation c ON c.id = m.conversation_id WHERE ${where.sql}`,
        where.params,
      );
      await repo.update(job.id, { status: ExportStatus.Running, startedAt: new Date(), totalMessages: count });

      const entries: WrittenZipEntry[] = [];
      const notes: string[] = [];
      const formats = new Set(job.query.formats);
      const masking = await this.masking(job.organizationId);
      if (masking.phoneNumbers || masking.names) {
        notes.push(
          `Masked: ${[masking.names ? 'contact names and handles' : null, masking.phoneNumbers ? 'contact phone numbers' : null].filter(Boolean).join(', ')}, direct-thread keys, names and numbers in message text and captions; raw channel payloads, file names, location pins and contact cards left out; media files included as stored.`,
        );
      }
      const media = new Map<string, string>();
      // One COPY formats every requested file in one pass over the messages (one column per file).
      // Text compresses ~8x even at deflate level 1, the cheapest level: a million messages make a
      // ~190 MB bundle instead of ~1.4 GB stored, and deflating runs on the thread pool meanwhile.
      const streams = [
        formats.has(ExportFormat.Ndjson) ? { path: 'messages.ndjson', line: 'row_to_json(r)::text', head: null } : null,
        formats.has(ExportFormat.Csv)
          ? { path: 'messages.csv', line: `${csvLineSql('r')} || E'\\r'`, head: CSV_BOM + csvHeader() }
          : null,
      ]
        .filter((stream) => stream !== null)
        .map((stream) => ({
          ...stream,
          writer: new ZipEntryWriter(stream.path, join(work, `${stream.path}.deflate`), 1),
        }));
      for (const stream of streams) {
        if (stream.head) {
          await stream.writer.write(Buffer.from(stream.head, 'utf8'));
        }
      }
      const decoder = new CopyTextDecoder(streams.length);
      const progress = setInterval(() => {
        void repo.update(job.id, { processedMessages: decoder.rows }).catch(() => undefined);
      }, 1000);
      let settled: PromiseSettledResult<unknown>[];
      try {
        // allSettled: when one query fails, the other still finishes (or fails) before the work dir goes.
        settled = await Promise.allSettled([
          this.mediaIds(where),
          streams.length === 0
            ? Promise.resolve()
            : this.copy(
                `SELECT ${streams.map((stream) => stream.line).join(', ')} ${EXPORT_FROM_SQL}
            CROSS JOIN LATERAL (SELECT ${exportColumnsSql(masking)} OFFSET 0) r
            WHERE ${where.sql} ORDER BY m.sent_at, m.id`,
                where.params,
                decoder,
                streams.map((stream) => stream.writer),
              ),
        ]);
      } finally {
        clearInterval(progress);
      }
      const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (failed) {
        for (const stream of streams) {
          stream.writer.destroy();
        }
        throw failed.reason;
      }
      for (const id of (settled[0] as PromiseFulfilledResult<string[]>).value) {
        this.collectMedia(id, media);
      }
      const processed = streams.length > 0 ? decoder.rows : count;
      for (const stream of streams) {
        entries.push(await stream.writer.close());
      }
      const conversations = await this.conversationIds(where);
      if (formats.has(ExportFormat.Pdf)) {
        if (conversations.length > EXPORT_PDF_MAX_CONVERSATIONS) {
          notes.push(
            `No PDF transcripts: ${conversations.length} conversations exceed the limit of ${EXPORT_PDF_MAX_CONVERSATIONS}; narrow the query (conversation, contact, account) for transcripts.`,
          );
        } else {
          await mkdir(join(work, 'transcripts'), { recursive: true });
          for (const conversationId of conversations) {
            entries.push(await this.transcript(work, job, conversationId, masking));
          }
        }
      }
      for (const [sha256, path] of media) {
        entries.push(await storedFileEntry(`media/${sha256}`, sha256, path));
      }

      zip = new ZipArchiveWriter(zipTemp);
      const manifestSha256 = await this.seal(zip, job, entries, processed, conversations.length, masking, notes);
      await rename(zipTemp, zipPath);
      const { size } = await stat(zipPath);
      await this.audit.record({
        organizationId: job.organizationId,
        actorUserId: job.requestedByUserId,
        actorLabel: job.requestedByLabel,
        action: 'export.completed',
        targetType: 'export',
        targetId: job.id,
        after: { messages: processed, conversations: conversations.length, manifestSha256, bytes: size, masking },
      });
      await repo.update(job.id, {
        status: ExportStatus.Completed,
        finishedAt: new Date(),
        processedMessages: processed,
        filePath: `exports/${zipName}`,
        fileSize: String(size),
        manifestSha256,
      });
    } catch (error) {
      await zip?.abort();
      await rm(zipTemp, { force: true });
      await repo.update(job.id, {
        status: ExportStatus.Failed,
        finishedAt: new Date(),
        error: String((error as Error).message ?? error),
      });
      throw error;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  private filter(organizationId: string, query: ExportQuery, asOf: Date): Filter {
    const params: unknown[] = [organizationId, query.from, query.to];
    const clauses = ['m.organization_id = $1', 'm.sent_at >= $2', 'm.sent_at < $3'];
    const add = (column: string, value: string | null | undefined) => {
      if (!value) {
        return;
      }
      params.push(value);
      clauses.push(`${column} = $${params.length}`);
    };
    // Only what had arrived when the export was asked for: the COPY, the media list and the PDF
    // transcripts (separate queries) then hold the same messages even while new ones keep coming in.
    params.push(asOf);
    clauses.push(`m.received_at <= $${params.length}`);
    add('m.channel', query.channel);
    add('m.channel_account_id', query.accountId);
    add('m.conversation_id', query.conversationId);
    if (query.contactId) {
      params.push(query.contactId);
      // The citizen's own messages and everything in threads with them.
      clauses.push(`(m.contact_id = $${params.length} OR c.contact_id = $${params.length})`);
    }
    return { sql: clauses.join(' AND '), params };
  }

  private async masking(organizationId: string): Promise<ExportMasking> {
    const settings = await this.dataSource.getRepository(RetentionSettings).findOneBy({ organizationId });
    return { phoneNumbers: settings?.maskPhoneNumbers ?? false, names: settings?.maskNames ?? false };
  }

  /**
   * Streams `COPY (select) TO STDOUT` (one text column per file) through the decoder into the writers:
   * PostgreSQL formats, Node only splits, hashes and moves buffers, and back-pressure reaches the
   * database socket. COPY takes no bind parameters, so the values are inlined as escaped literals.
   * The rows come in (sent_at, id) order from the index walk: sorting the formatted lines instead
   * (what the planner picks, misjudging their width) spilled a gigabyte to disk per million messages.
   */
  private async copy(
    select: string,
    params: unknown[],
    decoder: CopyTextDecoder,
    writers: ZipEntryWriter[],
  ): Promise<void> {
    const client: PoolClient = await ((this.dataSource.driver as PostgresDriver).master as Pool).connect();
    let failure: Error | undefined;
    try {
      const sql = select.replace(/\$(\d+)/g, (_, index: string) => literal(client, params[Number(index) - 1]));
      await client.query('BEGIN READ ONLY');
      await client.query('SET LOCAL enable_sort = off');
      const source = client.query(copyTo(`COPY (${sql}) TO STDOUT`));
      // The socket delivers ~9 KB at a time; the decoder hands over 512 KB blocks, since every write
      // to a deflate stream is a round trip to the thread pool.
      for await (const chunk of source) {
        const blocks = decoder.decode(chunk as Buffer);
        for (let index = 0; index < writers.length; index++) {
          for (const block of blocks[index]) {
            await writers[index].write(block);
          }
        }
      }
      const rest = decoder.end();
      for (let index = 0; index < writers.length; index++) {
        await writers[index].write(rest[index]);
      }
      await client.query('COMMIT');
    } catch (error) {
      failure = error as Error;
      throw error;
    } finally {
      // A connection that failed mid-COPY is closed, not handed back to the pool.
      client.release(failure);
    }
  }

  private async mediaIds(where: Filter): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT DISTINCT e->>'mediaAssetId' AS id FROM message m JOIN conversation c ON c.id = m.conversation_id
       CROSS JOIN LATERAL jsonb_array_elements(m.attachments) e WHERE ${where.sql} AND e->>'mediaAssetId' IS NOT NULL`,
      where.params,
    );
    return rows.map((row) => row.id);
  }

  private async conversationIds(where: Filter): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT DISTINCT m.conversation_id AS id FROM message m JOIN conversation c ON c.id = m.conversation_id WHERE ${where.sql} ORDER BY 1`,
      where.params,
    );
    return rows.map((row) => row.id);
  }

  private async transcript(
    work: string,
    job: ExportJob,
    conversationId: string,
    masking: ExportMasking,
  ): Promise<WrittenZipEntry> {
    const where = this.filter(job.organizationId, job.query, job.createdAt);
    where.params.push(conversationId);
    where.sql += ` AND m.conversation_id = $${where.params.length}`;
    const columns = exportColumnsSql(masking);
    const path = `transcripts/${conversationId}.pdf`;
    let writer: PdfTranscriptWriter | null = null;
    let after: { sentAt: string; id: string } | null = null;
    for (;;) {
      const params = [...where.params];
      let keyset = '';
      if (after) {
        params.push(after.sentAt, after.id);
        keyset = ` AND (m.sent_at, m.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
      }
      const rows: Array<ExportedMessage & { kSent: string }> = await this.dataSource.query(
        `SELECT ${columns}, m.sent_at::text AS "kSent" ${EXPORT_FROM_SQL} WHERE ${where.sql}${keyset} ORDER BY m.sent_at, m.id LIMIT 500`,
        params,
      );
      if (rows.length > 0 && !writer) {
        // The header is the conversation as the export shows it (masked names included).
        writer = new PdfTranscriptWriter(path, join(work, path), {
          accountName: rows[0].accountName,
          channel: rows[0].channel,
          threadKey: rows[0].threadKey,
          conversationId,
          contactName: await this.conversationContactName(conversationId, masking),
          period: { from: new Date(job.query.from).toISOString(), to: new Date(job.query.to).toISOString() },
        });
      }
      for (const row of rows) {
        await writer!.add(row);
      }
      if (rows.length < 500) {
        break;
      }
      after = { sentAt: rows[rows.length - 1].kSent, id: rows[rows.length - 1].id };
    }
    return writer!.close();
  }

  private async conversationContactName(conversationId: string, masking: ExportMasking): Promise<string | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${masking.names ? maskNameSql('ct.name') : 'ct.name'} AS name FROM conversation c LEFT JOIN contact ct ON ct.id = c.contact_id WHERE c.id = $1`,
      [conversationId],
    );
    return row?.name ?? null;
  }

  /** Media the message points at, when its bytes are stored (content-addressed under MEDIA_DIR). */
  private collectMedia(id: string, media: Map<string, string>): void {
    const sha256 = id.match(/^(?:[0-9a-f]{2}\/)?([0-9a-f]{64})$/)?.[1];
    if (!sha256 || media.has(sha256)) {
      return;
    }
    const path = join(this.mediaRoot, sha256.slice(0, 2), sha256);
    if (existsSync(path)) {
      media.set(sha256, path);
    }
  }

  /** Writes the ZIP: every file, then the manifest listing them and its signature. */
  private async seal(
    zip: ZipArchiveWriter,
    job: ExportJob,
    entries: WrittenZipEntry[],
    messageCount: number,
    conversationCount: number,
    masking: ExportMasking,
    notes: string[],
  ): Promise<string> {
    return sealBundle(zip, this.signingKey, entries, {
      format: 'civic-inbox-export',
      version: 1,
      exportId: job.id,
      organizationId: job.organizationId,
      exportedBy: { userId: job.requestedByUserId, label: job.requestedByLabel },
      exportedAt: new Date().toISOString(),
      query: job.query,
      messageCount,
      conversationCount,
      auditChainHead: await this.audit.head(job.organizationId),
      masking,
      notes,
    });
  }
}

/** A parameter as an SQL literal (dates as ISO timestamps), escaped by the driver. */
function literal(client: PoolClient, value: unknown): string {
  if (value === null || value === undefined) {
    return 'NULL';
  }
  return client.escapeLiteral(value instanceof Date ? value.toISOString() : String(value));
}
