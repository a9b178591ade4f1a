import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ExportJob } from '@civic/domain';
import { EXPORT_FROM_SQL, exportColumnsSql, ExportMasking, maskNameSql } from './export-sql';
import { ExportedMessage } from './exported-message';
import { localIsoDate } from './local-time';
import { PdfTranscriptWriter } from './pdf-transcript.writer';
import { ANONYMOUS_CITIZEN } from './retention-anonymizer';
import { TranscriptFileNames } from './transcript-file-names';
import type { WrittenZipEntry } from './zip-entry.writer';

export interface ExportFilter {
  sql: string;
  params: unknown[];
}

/** Which conversation each transcript holds (the file names are people's names and dates, not ids). */
export interface TranscriptIndexEntry {
  path: string;
  conversationId: string;
  contactName: string | null;
}

/** The PDF transcripts of an export: one per conversation, named by contact and date, in local time. */
@Injectable()
export class ExportTranscripts {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async write(
    work: string,
    job: ExportJob,
    conversationIds: string[],
    where: () => ExportFilter,
    masking: ExportMasking,
    timeZone: string,
  ): Promise<{ entries: WrittenZipEntry[]; index: TranscriptIndexEntry[] }> {
    await mkdir(join(work, 'transcripts'), { recursive: true });
    const names = new TranscriptFileNames();
    const entries: WrittenZipEntry[] = [];
    const index: TranscriptIndexEntry[] = [];
    for (const conversationId of conversationIds) {
      const written = await this.transcript(work, job, conversationId, where(), masking, timeZone, names);
      if (written) {
        entries.push(written.entry);
        index.push({ path: written.entry.entry.name, conversationId, contactName: written.contactName });
      }
    }
    return { entries, index };
  }

  private async transcript(
    work: string,
    job: ExportJob,
    conversationId: string,
    where: ExportFilter,
    masking: ExportMasking,
    timeZone: string,
    names: TranscriptFileNames,
  ): Promise<{ entry: WrittenZipEntry; contactName: string | null } | null> {
    where.params.push(conversationId);
    where.sql += ` AND m.conversation_id = $${where.params.length}`;
    const columns = exportColumnsSql(masking);
    let writer: PdfTranscriptWriter | null = null;
    let contactName: string | null = null;
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
        // The header and the file name are the conversation as the export shows it (masked names included).
        contactName = await this.conversationContactName(conversationId, masking);
        const path = `transcripts/${names.next(contactName ?? rows[0].accountName, localIsoDate(rows[0].sentAt, timeZone))}`;
        writer = new PdfTranscriptWriter(path, join(work, path), {
          accountName: rows[0].accountName,
          channel: rows[0].channel,
          threadKey: rows[0].threadKey,
          conversationId,
          contactName,
          period: { from: new Date(job.query.from).toISOString(), to: new Date(job.query.to).toISOString() },
          timeZone,
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
    return writer ? { entry: await writer.close(), contactName } : null;
  }

  private async conversationContactName(conversationId: string, masking: ExportMasking): Promise<string | null> {
    // Already anonymized citizens read "Anonim vatandaş", not "A*** v***" (as in the exported columns).
    const name = masking.names
      ? `CASE WHEN ct.name = '${ANONYMOUS_CITIZEN}' THEN ct.name ELSE ${maskNameSql('ct.name')} END`
      : 'ct.name';
    const [row] = await this.dataSource.query(
      `SELECT ${name} AS name FROM conversation c LEFT JOIN contact ct ON ct.id = c.contact_id WHERE c.id = $1`,
      [conversationId],
    );
    return row?.name ?? null;
  }
}
