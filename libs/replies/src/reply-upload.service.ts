import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ChannelRegistry, MB, ruleFor } from '@civic/channels-core';
import type { ReplyMediaPolicy } from '@civic/channels-core';
import { AppConfig } from '@civic/config';
import { Channel, MessageAttachment } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { ImageMetadataStripper, MediaStore } from '@civic/media';
import { OutboundReplyBuilder } from './outbound-reply.builder';
import type { ReplyAuthor } from './reply.service';

/** A file as the HTTP layer received it. */
export interface IncomingFile {
  buffer: Buffer;
  size: number;
  mimetype: string;
  originalname: string;
}

/** What the upload endpoint answers, and what the web shows as a chip. */
export interface ReplyUploadView {
  id: string;
  type: string;
  mimeType: string;
  fileName: string | null;
  size: number;
}

/** The kinds of file a reply may carry, recognized by their first bytes (a declared type can lie). */
const SIGNATURES: { mimeType: 'image/jpeg' | 'image/png' | 'application/pdf'; magic: Buffer }[] = [
  { mimeType: 'image/jpeg', magic: Buffer.from([0xff, 0xd8, 0xff]) },
  { mimeType: 'image/png', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mimeType: 'application/pdf', magic: Buffer.from('%PDF-') },
];

/**
 * Officers' files for replies: checked against the conversation's channel limits (the adapter's
 * replyMediaPolicy) before anything is stored, photos stripped of their metadata (EXIF GPS), then
 * stored content-addressed like inbound media. A refused file leaves nothing behind.
 */
@Injectable()
export class ReplyUploadService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: ChannelRegistry,
    private readonly builder: OutboundReplyBuilder,
    private readonly store: MediaStore,
    private readonly config: AppConfig,
  ) {}

  /** The conversation's policy; refused outright when it takes no files (or needs PUBLIC_URL, unset). */
  async policyFor(organizationId: string, conversationId: string, privateReply: boolean): Promise<ReplyMediaPolicy> {
    const conversation = await this.builder.conversation(this.dataSource.manager, organizationId, conversationId);
    const policy = this.registry
      .get(conversation.channel as Channel)
      .replyMediaPolicy({ conversationKind: conversation.kind, privateReply });
    if (policy.rules.length === 0) {
      throw new DomainError(ErrorCode.ReplyAttachmentNotAllowed, { reason: policy.refusal ?? '' });
    }
    if (policy.needsPublicUrl && !this.config.env.PUBLIC_URL) {
      throw new DomainError(ErrorCode.ReplyAttachmentNeedsPublicUrl);
    }
    return policy;
  }

  async upload(
    author: ReplyAuthor,
    conversationId: string,
    file: IncomingFile,
    privateReply = false,
  ): Promise<ReplyUploadView> {
    const policy = await this.policyFor(author.organizationId, conversationId, privateReply);
    const mimeType = SIGNATURES.find((s) => file.buffer.subarray(0, s.magic.length).equals(s.magic))?.mimeType ?? null;
    const rule = ruleFor(policy, mimeType);
    if (!rule || !mimeType) {
      throw new DomainError(ErrorCode.ReplyAttachmentTypeNotAllowed, {
        mimeType: file.mimetype || '?',
        allowed: [...new Set(policy.rules.flatMap((r) => r.mimeTypes))].join(', '),
      });
    }
    if (file.buffer.length > rule.maxBytes) {
      throw new DomainError(ErrorCode.ReplyAttachmentTooLarge, { maxMb: Math.round(rule.maxBytes / MB) });
    }
    const fileName = file.originalname ? file.originalname.slice(0, 255) : null;
    const bytes =
      mimeType === 'application/pdf' ? file.buffer : await ImageMetadataStripper.strip(file.buffer, mimeType);
    if (!bytes) {
      throw new DomainError(ErrorCode.ReplyAttachmentImageUnreadable, { fileName: fileName ?? '?' });
    }
    if (bytes.length > rule.maxBytes) {
      throw new DomainError(ErrorCode.ReplyAttachmentTooLarge, { maxMb: Math.round(rule.maxBytes / MB) });
    }
    const stored = await this.store.put(bytes, mimeType);
    const [row]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO reply_upload (organization_id, conversation_id, user_id, type, mime_type, file_name, size, storage_key, sha256)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        author.organizationId,
        conversationId,
        author.userId,
        rule.type,
        mimeType,
        fileName,
        stored.size,
        stored.storageKey,
        stored.sha256,
      ],
    );
    return { id: row.id, type: rule.type, mimeType, fileName, size: stored.size };
  }

  /**
   * The uploads a reply names, as stored attachments; ReplyAttachmentNotFound for any not of this conversation.
   * Read in `manager`, the reply's transaction (an approved draft is queued inside the approval's).
   */
  async attachments(
    organizationId: string,
    conversationId: string,
    ids: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MessageAttachment[]> {
    if (ids.length === 0) {
      return [];
    }
    const rows: {
      id: string;
      type: MessageAttachment['type'];
      mime_type: string;
      file_name: string | null;
      size: number;
      storage_key: string;
      sha256: string;
    }[] = await manager.query(
      `SELECT id, type, mime_type, file_name, size, storage_key, sha256 FROM reply_upload
        WHERE id = ANY($1::uuid[]) AND organization_id = $2 AND conversation_id = $3`,
      [ids, organizationId, conversationId],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => {
      const row = byId.get(id);
      if (!row) {
        throw new DomainError(ErrorCode.ReplyAttachmentNotFound, { id });
      }
      return {
        type: row.type,
        mimeType: row.mime_type,
        fileName: row.file_name,
        size: row.size,
        storageKey: row.storage_key,
        mediaAssetId: row.sha256,
        downloadState: 'stored',
      };
    });
  }
}
