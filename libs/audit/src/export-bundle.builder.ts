import { existsSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@civic/config';
import { ExportFormat, ExportJob, ExportQuery, ExportStatus, RetentionSettings } from '@civic/domain';
import { AuditService } from './audit.service';
import { bundleReadme, README_FILE } from './bundle-readme';
import { CopyTextDecoder } from './copy-text.decoder';
import { CSV_BOM, csvHeader } from './csv-format';
import { EXCEL_CSV_FILE, excelCellsLateralSql, excelCsvHead, excelCsvLineSql } from './excel-csv';
import { ExportCopyStreamer } from './export-copy.streamer';
import { csvLineSql, EXPORT_FROM_SQL, exportColumnsSql, ExportMasking } from './export-sql';
import { ExportTranscripts, TranscriptIndexEntry } from './export-transcripts';
import { usableTimeZone } from './local-time';
import { sealBundle, storedFileEntry } from './signed-bundle';
import { SigningKeyService } from './signing-key.service';
import { ZipArchiveWriter } from './zip-archive.writer';
import { WrittenZipEntry, ZipEntryWriter } from './zip-entry.writer';

/** Beyond this many conversations an export carries no PDF transcripts (the manifest says so). */
export const EXPORT_PDF_MAX_CONVERSATIONS = 1000;

type Filter = { sql: string; params: unknown[] };

/** Builds one export job's signed ZIP bundle: files streamed from one COPY, PDF transcripts, media, manifest. */
@Injectable()
export class ExportBundleBuilder {
  private readonly root: string;
  private readonly mediaRoot: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly signingKey: SigningKeyService,
    private readonly copier: ExportCopyStreamer,
    private readonly transcripts: ExportTranscripts,
    private readonly config: AppConfig,
  ) {
    this.root = resolve(config.env.DATA_DIR, 'exports');
    this.mediaRoot = resolve(config.mediaDir);
  }

  async build(jobId: string): Promise<void> {
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
      const organization = await this.organization(job.organizationId);
      if (masking.phoneNumbers || masking.names) {
        notes.push(
          `Masked: ${[masking.names ? 'contact names and handles' : null, masking.phoneNumbers ? 'contact phone numbers' : null].filter(Boolean).join(', ')}, direct-thread keys, names and numbers in message text and captions; raw channel payloads, file names, location pins and contact cards left out; media files included as stored.`,
        );
      }
      const media = new Map<string, string>();
      // One COPY formats every requested file in one pass over the messages (one column per file).
      // Text compresses ~8x even at deflate level 1, the cheapest level: a million messages make a
      // ~190 MB bundle instead of ~1.4 GB stored, and deflating runs on the thread pool meanwhile.
      // CSV asked for: the machine CSV and, beside it, the spreadsheet for Turkish Excel.
      const streams = [
        formats.has(ExportFormat.Ndjson) ? { path: 'messages.ndjson', line: 'row_to_json(r)::text', head: null } : null,
        formats.has(ExportFormat.Csv)
          ? { path: 'messages.csv', line: `${csvLineSql('r')} || E'\\r'`, head: CSV_BOM + csvHeader() }
          : null,
        formats.has(ExportFormat.Csv)
          ? { path: EXCEL_CSV_FILE, line: `${excelCsvLineSql()} || E'\\r'`, head: excelCsvHead() }
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
            : this.copier.copy(
                `SELECT ${streams.map((stream) => stream.line).join(', ')} ${EXPORT_FROM_SQL}
            CROSS JOIN LATERAL (SELECT ${exportColumnsSql(masking)} OFFSET 0) r
            ${formats.has(ExportFormat.Csv) ? excelCellsLateralSql(`$${where.params.length + 1}`) : ''}
            WHERE ${where.sql} ORDER BY m.sent_at, m.id`,
                [...where.params, organization.timeZone],
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
      let transcriptIndex: TranscriptIndexEntry[] = [];
      if (formats.has(ExportFormat.Pdf)) {
        if (conversations.length > EXPORT_PDF_MAX_CONVERSATIONS) {
          notes.push(
            `No PDF transcripts: ${conversations.length} conversations exceed the limit of ${EXPORT_PDF_MAX_CONVERSATIONS}; narrow the query (conversation, contact, account) for transcripts.`,
          );
        } else {
          const written = await this.transcripts.write(
            work,
            job,
            conversations,
            () => this.filter(job.organizationId, job.query, job.createdAt),
            masking,
            organization.timeZone,
          );
          entries.push(...written.entries);
          transcriptIndex = written.index;
        }
      }
      for (const [sha256, path] of media) {
        entries.push(await storedFileEntry(`media/${sha256}`, sha256, path));
      }

      entries.push(await this.readme(work, job, entries, processed, conversations.length, organization, notes));
      zip = new ZipArchiveWriter(zipTemp);
      const manifestSha256 = await this.seal(zip, job, entries, processed, conversations.length, masking, notes, {
        timeZone: organization.timeZone,
        transcripts: transcriptIndex,
      });
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

  filter(organizationId: string, query: ExportQuery, asOf: Date): Filter {
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

  private async mediaIds(where: Filter): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT DISTINCT e->>'mediaAssetId' AS id FROM message m JOIN conversation c ON c.id = m.conversation_id
       CROSS JOIN LATERAL jsonb_array_elements(m.attachments) e WHERE ${where.sql} AND e->>'mediaAssetId' IS NOT NULL`,
      where.params,
    );
    return rows.map((row) => row.id);
  }

  /** The exported conversations, in the order of their first exported message (how transcripts are numbered). */
  private async conversationIds(where: Filter): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT m.conversation_id AS id FROM message m JOIN conversation c ON c.id = m.conversation_id WHERE ${where.sql}
        GROUP BY m.conversation_id ORDER BY min(m.sent_at), m.conversation_id`,
      where.params,
    );
    return rows.map((row) => row.id);
  }

  private async organization(organizationId: string): Promise<{ name: string; timeZone: string }> {
    const [row] = await this.dataSource.query('SELECT name, time_zone FROM organization WHERE id = $1', [
      organizationId,
    ]);
    return { name: row?.name ?? '', timeZone: usableTimeZone(row?.time_zone) };
  }

  /** README.txt (Turkish and English): each file of this bundle, and how to verify the signature. */
  private async readme(
    work: string,
    job: ExportJob,
    entries: WrittenZipEntry[],
    messageCount: number,
    conversationCount: number,
    organization: { name: string; timeZone: string },
    notes: string[],
  ): Promise<WrittenZipEntry> {
    const text = bundleReadme({
      organizationName: organization.name,
      exportId: job.id,
      exportedAt: new Date(),
      period: { from: job.query.from, to: job.query.to },
      timeZone: organization.timeZone,
      messageCount,
      conversationCount,
      files: entries.map(({ entry }) => entry.name),
      publicKeyFingerprint: await this.signingKey.fingerprint(),
      publicUrl: this.config.env.PUBLIC_URL ?? null,
      notes,
    });
    const writer = new ZipEntryWriter(README_FILE, join(work, README_FILE), 6);
    await writer.write(Buffer.from(text, 'utf8'));
    return writer.close();
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
    extra: { timeZone: string; transcripts: TranscriptIndexEntry[] },
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
      timeZone: extra.timeZone,
      ...(extra.transcripts.length > 0 ? { transcripts: extra.transcripts } : {}),
    });
  }
}
