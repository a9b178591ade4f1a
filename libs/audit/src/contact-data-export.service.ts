import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@civic/config';
import { DomainError, ErrorCode } from '@civic/errors';
import { AuditService } from './audit.service';
import { EXPORT_FROM_SQL, exportColumnsSql, NO_MASKING } from './export-sql';
import type { ExportRequester } from './export.service';
import { sealBundle, storedFileEntry } from './signed-bundle';
import { SigningKeyService } from './signing-key.service';
import { ZipArchiveWriter } from './zip-archive.writer';
import { WrittenZipEntry, ZipEntryWriter } from './zip-entry.writer';

/** A finished contact data export: a signed ZIP under DATA_DIR/exports, removed by `dispose` once sent. */
export interface ContactDataExport {
  exportId: string;
  path: string;
  size: number;
  manifestSha256: string;
  dispose(): Promise<void>;
}

/** What one export holds (the audit event's counts; never the data itself). */
interface ExportCounts {
  identities: number;
  conversations: number;
  messages: number;
  cases: number;
  notes: number;
  mentions: number;
  mediaFiles: number;
}

const PAGE = 500;

/**
 * A citizen's access request (KVKK article 11): everything held about one person, for an
 * administrator to hand over. Their identities on every channel (the contact and those linked to it),
 * their conversations and every message in them (and their own messages in public threads), attachment
 * metadata and stored media files, cases with history and forwards, internal notes and mentions,
 * read in one snapshot, unmasked (it is the person's own data), in the signed bundle format of the
 * audit exports (manifest.json, manifest.sig), so `export:verify` checks it.
 */
@Injectable()
export class ContactDataExportService {
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

  async export(requester: ExportRequester, contactId: string): Promise<ContactDataExport> {
    const exportId = randomUUID();
    const { organizationId } = requester;
    const actor = {
      organizationId,
      actorUserId: requester.userId,
      actorLabel: requester.label,
      targetType: 'contact',
      targetId: contactId,
      requestId: requester.requestId,
    };
    const contactIds = await this.dataSource.transaction(async (manager) => {
      const ids = await this.identities(manager, organizationId, contactId);
      await this.audit.record(
        { ...actor, action: 'contact.data_export_requested', after: { exportId, contactIds: ids } },
        manager,
      );
      return ids;
    });
    const work = join(this.root, exportId);
    const zipPath = join(this.root, `contact-${exportId}.zip`);
    const zipTemp = `${zipPath}.part`;
    let zip: ZipArchiveWriter | null = null;
    try {
      await mkdir(work, { recursive: true });
      // One snapshot: the files agree with each other even while the person keeps writing.
      const built = await this.dataSource.transaction('REPEATABLE READ', (manager) =>
        this.files(manager, work, organizationId, contactIds),
      );
      const exportedAt = new Date().toISOString();
      zip = new ZipArchiveWriter(zipTemp);
      const manifestSha256 = await sealBundle(zip, this.signingKey, built.entries, {
        format: 'civic-inbox-export',
        version: 1,
        exportId,
        organizationId,
        exportedBy: { userId: requester.userId, label: requester.label },
        exportedAt,
        query: {
          from: new Date(0).toISOString(),
          to: exportedAt,
          channel: null,
          accountId: null,
          conversationId: null,
          contactId,
          formats: ['ndjson', 'json'],
        },
        subject: { type: 'contact', contactIds },
        messageCount: built.counts.messages,
        conversationCount: built.counts.conversations,
        auditChainHead: await this.audit.head(organizationId),
        masking: NO_MASKING,
        notes: [
          `Access request (KVKK article 11) for contact ${contactId}: every record held about the person, unmasked.`,
          'contact.json: identities on every channel; conversations.json; messages.ndjson (their threads and their own messages elsewhere, attachments with metadata); cases.json (with history and forwards); notes.json; mentions.json; media/: stored files of their attachments and case photos.',
        ],
      });
      await rename(zipTemp, zipPath);
      const { size } = await stat(zipPath);
      await this.audit.record({
        ...actor,
        action: 'contact.data_exported',
        after: { exportId, ...built.counts, manifestSha256, bytes: size },
      });
      return { exportId, path: zipPath, size, manifestSha256, dispose: () => rm(zipPath, { force: true }) };
    } catch (error) {
      await zip?.abort();
      await rm(zipTemp, { force: true });
      throw error;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  /** The contact and every identity linked to it (same person_id) in the organization; 404 otherwise. */
  private async identities(manager: EntityManager, organizationId: string, contactId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT o.id FROM contact ct JOIN contact o ON o.organization_id = ct.organization_id AND (o.id = ct.id OR o.person_id = ct.person_id)
        WHERE ct.id = $1 AND ct.organization_id = $2 ORDER BY o.created_at, o.id`,
      [contactId, organizationId],
    );
    if (rows.length === 0) {
      throw new DomainError(ErrorCode.ContactNotFound);
    }
    return rows.map((row) => row.id);
  }

  private async files(
    manager: EntityManager,
    work: string,
    organizationId: string,
    contactIds: string[],
  ): Promise<{ entries: WrittenZipEntry[]; counts: ExportCounts }> {
    const json = async (name: string, value: unknown) => {
      const writer = new ZipEntryWriter(name, join(work, name), 6);
      await writer.write(Buffer.from(JSON.stringify(value, null, 2), 'utf8'));
      return writer.close();
    };
    const entries: WrittenZipEntry[] = [];
    const identities = await manager.query(
      `SELECT ct.id, ct.channel, ct.channel_user_id AS "channelUserId", ct.name, ct.handle, ct.phone, ct.person_id AS "personId",
              json_build_object('id', a.id, 'name', a.name, 'handle', a.handle) AS account, ct.created_at AS "createdAt", ct.last_seen_at AS "lastSeenAt"
         FROM contact ct JOIN channel_account a ON a.id = ct.channel_account_id WHERE ct.id = ANY($1::uuid[]) ORDER BY ct.created_at, ct.id`,
      [contactIds],
    );
    entries.push(await json('contact.json', identities));

    const conversations: Array<{ id: string; contactId: string | null }> = await manager.query(
      `SELECT c.id, c.channel, json_build_object('id', a.id, 'name', a.name, 'handle', a.handle) AS account, c.kind, c.thread_key AS "threadKey",
              c.contact_id AS "contactId", c.status, c.tags, c.created_at AS "createdAt", c.last_activity_at AS "lastActivityAt",
              (SELECT json_build_object('reason', h.reason, 'placedAt', h.placed_at) FROM legal_hold h WHERE h.conversation_id = c.id) AS "legalHold"
         FROM conversation c JOIN channel_account a ON a.id = c.channel_account_id
        WHERE c.organization_id = $1 AND (c.contact_id = ANY($2::uuid[]) OR c.id IN (SELECT conversation_id FROM message WHERE contact_id = ANY($2::uuid[])))
        ORDER BY c.created_at, c.id`,
      [organizationId, contactIds],
    );
    // Their own threads; public threads where they only commented carry other people's cases and notes.
    const own = new Set(contactIds);
    const conversationIds = conversations.filter((row) => row.contactId && own.has(row.contactId)).map((row) => row.id);
    entries.push(await json('conversations.json', conversations));

    const {
      entry: messagesEntry,
      count: messages,
      media,
    } = await this.messages(manager, work, organizationId, contactIds);
    entries.push(messagesEntry);

    const cases: Array<{ id: string; photos: Array<{ mediaAssetId?: string | null }> }> = await manager.query(
      `SELECT k.id, k.case_number AS "caseNumber", k.conversation_id AS "conversationId", k.message_id AS "messageId", k.contact_id AS "contactId", k.channel,
              json_build_object('code', cc.code, 'name', cc.name) AS category, d.name AS department, b.name AS "externalBody", k.description,
              k.priority, k.status, k.latitude, k.longitude, k.location_label AS "locationLabel", k.photos, k.due_at AS "dueAt",
              k.resolution_text AS "resolutionText", k.rejection_reason AS "rejectionReason", k.resolved_at AS "resolvedAt", k.rejected_at AS "rejectedAt",
              k.merged_into_case_id AS "mergedIntoCaseId", k.created_at AS "createdAt", k.updated_at AS "updatedAt",
              (SELECT coalesce(json_agg(json_build_object('action', h.action, 'actor', h.actor_label, 'before', h.before, 'after', h.after, 'note', h.note,
                        'occurredAt', h.occurred_at) ORDER BY h.occurred_at, h.id), '[]'::json) FROM case_history h WHERE h.case_id = k.id) AS history,
              (SELECT coalesce(json_agg(json_build_object('id', f.id, 'externalBody', fb.name, 'transport', f.transport, 'target', f.target, 'payload', f.payload,
                        'status', f.status, 'attempts', f.attempts, 'responseStatus', f.response_status, 'lastError', f.last_error, 'sentAt', f.sent_at,
                        'createdAt', f.created_at) ORDER BY f.created_at, f.id), '[]'::json)
                 FROM case_forward f LEFT JOIN department fb ON fb.id = f.external_body_id WHERE f.case_id = k.id) AS forwards
         FROM civic_case k JOIN case_category cc ON cc.id = k.category_id
         LEFT JOIN department d ON d.id = k.department_id LEFT JOIN department b ON b.id = k.external_body_id
        WHERE k.organization_id = $1 AND (k.contact_id = ANY($2::uuid[]) OR k.conversation_id = ANY($3::uuid[]))
        ORDER BY k.created_at, k.id`,
      [organizationId, contactIds, conversationIds],
    );
    entries.push(await json('cases.json', cases));
    for (const kase of cases) {
      for (const photo of kase.photos ?? []) {
        if (photo.mediaAssetId) {
          media.add(photo.mediaAssetId);
        }
      }
    }

    const notes: unknown[] = await manager.query(
      `SELECT n.id, n.conversation_id AS "conversationId", u.display_name AS author, n.text, n.created_at AS "createdAt"
         FROM internal_note n LEFT JOIN app_user u ON u.id = n.author_user_id
        WHERE n.organization_id = $1 AND n.conversation_id = ANY($2::uuid[]) ORDER BY n.created_at, n.id`,
      [organizationId, conversationIds],
    );
    entries.push(await json('notes.json', notes));

    // Mentions that came in as their messages, or that they posted under one of their channel ids.
    const mentions: unknown[] = await manager.query(
      `SELECT mn.id, mn.channel, mn.source, mn.external_id AS "externalId", mn.message_id AS "messageId", mn.author_external_id AS "authorExternalId",
              mn.author_name AS "authorName", mn.author_handle AS "authorHandle", mn.text, mn.url, mn.matched_terms AS "matchedTerms",
              mn.published_at AS "publishedAt", w.name AS watchlist
         FROM mention mn LEFT JOIN mention_watchlist w ON w.id = mn.watchlist_id
        WHERE mn.organization_id = $1 AND (mn.message_id IN (SELECT id FROM message WHERE contact_id = ANY($2::uuid[]))
              OR EXISTS (SELECT 1 FROM contact ct WHERE ct.id = ANY($2::uuid[]) AND ct.channel = mn.channel AND ct.channel_user_id = mn.author_external_id))
        ORDER BY mn.published_at, mn.id`,
      [organizationId, contactIds],
    );
    entries.push(await json('mentions.json', mentions));

    let mediaFiles = 0;
    for (const id of [...media].sort()) {
      const sha256 = id.match(/^(?:[0-9a-f]{2}\/)?([0-9a-f]{64})$/)?.[1];
      const path = sha256 ? join(this.mediaRoot, sha256.slice(0, 2), sha256) : null;
      if (!sha256 || !path || !existsSync(path) || entries.some((e) => e.entry.name === `media/${sha256}`)) {
        continue;
      }
      entries.push(await storedFileEntry(`media/${sha256}`, sha256, path));
      mediaFiles++;
    }
    return {
      entries,
      counts: {
        identities: identities.length,
        conversations: conversations.length,
        messages,
        cases: cases.length,
        notes: notes.length,
        mentions: mentions.length,
        mediaFiles,
      },
    };
  }

  /** messages.ndjson, one line per message as in the audit exports (same columns, unmasked), by keyset pages. */
  private async messages(
    manager: EntityManager,
    work: string,
    organizationId: string,
    contactIds: string[],
  ): Promise<{ entry: WrittenZipEntry; count: number; media: Set<string> }> {
    const writer = new ZipEntryWriter('messages.ndjson', join(work, 'messages.ndjson'), 6);
    const media = new Set<string>();
    let count = 0;
    let after: { sentAt: string; id: string } | null = null;
    try {
      for (;;) {
        const params: unknown[] = [organizationId, contactIds];
        let keyset = '';
        if (after) {
          params.push(after.sentAt, after.id);
          keyset = 'AND (m.sent_at, m.id) > ($3::timestamptz, $4::uuid)';
        }
        const rows: Array<{ line: string; media: string[] | null; kSent: string; id: string }> = await manager.query(
          `SELECT row_to_json(r)::text AS line, m.id, m.sent_at::text AS "kSent",
                  (SELECT array_agg(e->>'mediaAssetId') FROM jsonb_array_elements(m.attachments) e WHERE e->>'mediaAssetId' IS NOT NULL) AS media
             ${EXPORT_FROM_SQL}
             CROSS JOIN LATERAL (SELECT ${exportColumnsSql(NO_MASKING)} OFFSET 0) r
            WHERE m.organization_id = $1 AND (m.contact_id = ANY($2::uuid[]) OR c.contact_id = ANY($2::uuid[])) ${keyset}
            ORDER BY m.sent_at, m.id LIMIT ${PAGE}`,
          params,
        );
        for (const row of rows) {
          await writer.write(Buffer.from(`${row.line}\n`, 'utf8'));
          for (const id of row.media ?? []) {
            media.add(id);
          }
        }
        count += rows.length;
        if (rows.length < PAGE) {
          break;
        }
        after = { sentAt: rows[rows.length - 1].kSent, id: rows[rows.length - 1].id };
      }
      return { entry: await writer.close(), count, media };
    } catch (error) {
      writer.destroy();
      throw error;
    }
  }
}
