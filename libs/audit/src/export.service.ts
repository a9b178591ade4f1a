import { Injectable, Logger, NotFoundException, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { ZipFile } from 'yazl';
import { AppConfig } from '@civic/config';
import { ExportFormat, ExportJob, ExportQuery, ExportStatus } from '@civic/domain';
import { AuditService } from './audit.service';
import { CSV_BOM, csvHeader, csvRow } from './csv-format';
import { ExportManifest, MANIFEST_FILE, SIGNATURE_FILE } from './export-manifest';
import { ExportedMessage } from './exported-message';
import { HashingFileWriter } from './hashing-file-writer';
import { PdfTranscriptWriter } from './pdf-transcript.writer';
import { SigningKeyService } from './signing-key.service';

/** Who asked for an export. */
export interface ExportRequester {
  userId: string;
  organizationId: string;
  label: string;
  requestId?: string | null;
}

const BATCH = 2000;

const MESSAGE_SELECT = `SELECT m.id, m.organization_id AS "organizationId", m.channel, m.channel_account_id AS "channelAccountId",
  a.name AS "accountName", a.handle AS "accountHandle", m.conversation_id AS "conversationId", c.kind AS "conversationKind",
  c.thread_key AS "threadKey", m.external_id AS "externalId", m.direction, m.kind, m.text, m.attachments,
  m.parent_message_id AS "parentMessageId", m.parent_external_id AS "parentExternalId", m.contact_id AS "contactId",
  ct.name AS "contactName", ct.handle AS "contactHandle", ct.phone AS "contactPhone", m.author_user_id AS "authorUserId",
  u.display_name AS "authorName", m.sent_at AS "sentAt", m.received_at AS "receivedAt", m.delivery_state AS "deliveryState",
  m.delivery_error AS "deliveryError", m.delivery_updated_at AS "deliveryUpdatedAt", m.edited, m.edit_history AS "editHistory",
  m.deleted, m.deleted_at AS "deletedAt", m.raw, m.sent_at::text AS "cursorSentAt"
FROM message m
JOIN conversation c ON c.id = m.conversation_id
JOIN channel_account a ON a.id = m.channel_account_id
LEFT JOIN contact ct ON ct.id = m.contact_id
LEFT JOIN app_user u ON u.id = m.author_user_id`;

type MessageRow = Omit<ExportedMessage, 'sentAt' | 'receivedAt' | 'deliveryUpdatedAt' | 'deletedAt'> & {
  sentAt: Date; receivedAt: Date; deliveryUpdatedAt: Date | null; deletedAt: Date | null; cursorSentAt: string;
};

/**
 * Conversation-log exports: a job row, then an in-process background build that streams messages
 * in keyset batches (memory stays bounded) into NDJSON, CSV and per-conversation PDF transcripts,
 * adds stored media, and seals the ZIP with a signed manifest.
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
          organizationId: requester.organizationId, actorUserId: requester.userId, actorLabel: requester.label,
          action: 'export.requested', targetType: 'export', targetId: saved.id, after: { query }, requestId: requester.requestId,
        },
        manager,
      );
      return saved;
    });
    const run = this.build(job.id).catch((error) => this.logger.error(`Export ${job.id} failed: ${error.stack ?? error}`));
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    return job;
  }

  async get(organizationId: string, id: string): Promise<ExportJob> {
    const job = await this.dataSource.getRepository(ExportJob).findOneBy({ id, organizationId });
    if (!job) throw new NotFoundException('Dışa aktarma bulunamadı / Export not found');
    return job;
  }

  /** Absolute path of a finished bundle. */
  bundlePath(job: ExportJob): string {
    if (job.status !== ExportStatus.Completed || !job.filePath) throw new NotFoundException('Dışa aktarma henüz hazır değil / Export not ready');
    return resolve(this.root, '..', job.filePath);
  }

  /** Resolves once every background build started by this process has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.idle();
  }

  private async build(jobId: string): Promise<void> {
    const repo = this.dataSource.getRepository(ExportJob);
    const job = await repo.findOneByOrFail({ id: jobId });
    const work = join(this.root, job.id);
    try {
      await mkdir(work, { recursive: true });
      const where = this.filter(job.organizationId, job.query);
      const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM message m JOIN conversation c ON c.id = m.conversation_id WHERE ${where.sql}`, where.params);
      await repo.update(job.id, { status: ExportStatus.Running, startedAt: new Date(), totalMessages: count });

      const files: ExportManifest['files'] = [];
      const formats = new Set(job.query.formats);
      const conversations = new Set<string>();
      const media = new Map<string, string>();
      const ndjson = formats.has(ExportFormat.Ndjson) ? new HashingFileWriter(join(work, 'messages.ndjson')) : null;
      const csv = formats.has(ExportFormat.Csv) ? new HashingFileWriter(join(work, 'messages.csv')) : null;
      await csv?.write(CSV_BOM + csvHeader());
      let processed = 0;
      for await (const batch of this.messages(where)) {
        let ndjsonChunk = '';
        let csvChunk = '';
        for (const message of batch) {
          if (ndjson) ndjsonChunk += `${JSON.stringify(message)}\n`;
          if (csv) csvChunk += csvRow(message);
          conversations.add(message.conversationId);
          for (const attachment of message.attachments ?? []) this.collectMedia(attachment, media);
        }
        if (ndjson) await ndjson.write(ndjsonChunk);
        if (csv) await csv.write(csvChunk);
        processed += batch.length;
        await repo.update(job.id, { processedMessages: processed });
      }
      if (ndjson) files.push({ path: 'messages.ndjson', ...(await ndjson.close()) });
      if (csv) files.push({ path: 'messages.csv', ...(await csv.close()) });
      if (formats.has(ExportFormat.Pdf)) {
        await mkdir(join(work, 'transcripts'), { recursive: true });
        for (const conversationId of conversations) files.push(await this.transcript(work, job, conversationId));
      }
      for (const [sha256, path] of media) files.push({ path: `media/${sha256}`, sha256, size: (await stat(path)).size });

      const zipName = `${job.id}.zip`;
      const manifestSha256 = await this.seal(job, work, files, media, processed, conversations.size, join(this.root, zipName));
      const { size } = await stat(join(this.root, zipName));
      await this.audit.record({
        organizationId: job.organizationId, actorUserId: job.requestedByUserId, actorLabel: job.requestedByLabel,
        action: 'export.completed', targetType: 'export', targetId: job.id,
        after: { messages: processed, conversations: conversations.size, manifestSha256, bytes: size },
      });
      await repo.update(job.id, {
        status: ExportStatus.Completed, finishedAt: new Date(), processedMessages: processed,
        filePath: `exports/${zipName}`, fileSize: String(size), manifestSha256,
      });
    } catch (error) {
      await repo.update(job.id, { status: ExportStatus.Failed, finishedAt: new Date(), error: String((error as Error).message ?? error) });
      throw error;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  private filter(organizationId: string, query: ExportQuery): { sql: string; params: unknown[] } {
    const params: unknown[] = [organizationId, query.from, query.to];
    const clauses = ['m.organization_id = $1', 'm.sent_at >= $2', 'm.sent_at < $3'];
    const add = (column: string, value: string | null | undefined) => {
      if (!value) return;
      params.push(value);
      clauses.push(`${column} = $${params.length}`);
    };
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

  /** Keyset batches on (sent_at, id): no long transaction, no cursor held across progress updates. */
  private async *messages(where: { sql: string; params: unknown[] }, extra?: { sql: string; params: unknown[] }): AsyncGenerator<ExportedMessage[]> {
    let after: { sentAt: string; id: string } | null = null;
    for (;;) {
      const params = [...where.params, ...(extra?.params ?? [])];
      let sql = `${MESSAGE_SELECT} WHERE ${where.sql}${extra ? ` AND ${extra.sql}` : ''}`;
      if (after) {
        params.push(after.sentAt, after.id);
        // The plain sent_at bound lets the (organization_id, sent_at) index start at the cursor.
        sql += ` AND m.sent_at >= $${params.length - 1}::timestamptz AND (m.sent_at, m.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
      }
      sql += ` ORDER BY m.sent_at, m.id LIMIT ${BATCH}`;
      const rows: MessageRow[] = await this.dataSource.query(sql, params);
      if (rows.length === 0) return;
      const last = rows[rows.length - 1];
      after = { sentAt: last.cursorSentAt, id: last.id };
      yield rows.map(toExported);
      if (rows.length < BATCH) return;
    }
  }

  private async transcript(work: string, job: ExportJob, conversationId: string): Promise<ExportManifest['files'][number]> {
    const [meta] = await this.dataSource.query(
      `SELECT c.thread_key AS "threadKey", c.channel, a.name AS "accountName", ct.name AS "contactName"
       FROM conversation c JOIN channel_account a ON a.id = c.channel_account_id LEFT JOIN contact ct ON ct.id = c.contact_id
       WHERE c.id = $1`,
      [conversationId],
    );
    const path = `transcripts/${conversationId}.pdf`;
    const writer = new PdfTranscriptWriter(join(work, path), {
      ...meta, conversationId, period: { from: new Date(job.query.from).toISOString(), to: new Date(job.query.to).toISOString() },
    });
    const where = this.filter(job.organizationId, job.query);
    for await (const batch of this.messages(where, { sql: `m.conversation_id = $${where.params.length + 1}`, params: [conversationId] })) {
      for (const message of batch) await writer.add(message);
    }
    return { path, ...(await writer.close()) };
  }

  /** Media the message points at, when its bytes are stored (content-addressed under MEDIA_DIR). */
  private collectMedia(attachment: Record<string, unknown>, media: Map<string, string>): void {
    const id = typeof attachment.mediaAssetId === 'string' ? attachment.mediaAssetId : null;
    const sha256 = id?.match(/^(?:[0-9a-f]{2}\/)?([0-9a-f]{64})$/)?.[1];
    if (!sha256 || media.has(sha256)) return;
    const path = join(this.mediaRoot, sha256.slice(0, 2), sha256);
    if (existsSync(path)) media.set(sha256, path);
  }

  private async seal(
    job: ExportJob, work: string, files: ExportManifest['files'], media: Map<string, string>,
    messageCount: number, conversationCount: number, zipPath: string,
  ): Promise<string> {
    const manifest: ExportManifest = {
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
      files,
      signature: { algorithm: 'Ed25519', publicKeyFingerprint: await this.signingKey.fingerprint(), file: SIGNATURE_FILE },
    };
    const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
    const signature = await this.signingKey.sign(manifestBytes);
    const zip = new ZipFile();
    for (const file of files) {
      const source = file.path.startsWith('media/') ? media.get(file.sha256)! : join(work, file.path);
      // Level 1: exports are dominated by text that compresses well even at the fastest level.
      zip.addFile(source, file.path, { compressionLevel: file.path.endsWith('.pdf') || file.path.startsWith('media/') ? 0 : 1 });
    }
    zip.addBuffer(manifestBytes, MANIFEST_FILE);
    zip.addBuffer(Buffer.from(`${signature.toString('base64')}\n`), SIGNATURE_FILE);
    const temp = `${zipPath}.part`;
    const out = createWriteStream(temp);
    zip.outputStream.pipe(out);
    zip.end();
    await once(out, 'finish');
    await rename(temp, zipPath);
    return createHash('sha256').update(manifestBytes).digest('hex');
  }
}

function iso(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}

function toExported(row: MessageRow): ExportedMessage {
  const { cursorSentAt: _cursor, ...rest } = row;
  return { ...rest, sentAt: row.sentAt.toISOString(), receivedAt: row.receivedAt.toISOString(), deliveryUpdatedAt: iso(row.deliveryUpdatedAt), deletedAt: iso(row.deletedAt) };
}
