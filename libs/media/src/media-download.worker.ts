import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { AccountContextService } from '@civic/channels';
import { ChannelAccountContext, ChannelError, ChannelErrorKind } from '@civic/channels-core';
import { describeError } from '@civic/database';
import { isDownloadable, MessageAttachment } from '@civic/domain';
import { LiveEventName, publishLiveEvent } from '@civic/live-events';
import { MessageStore } from '@civic/messages';
import { isDerivableImage, MediaImageDeriver } from './media-image.deriver';
import { MediaDownloader } from './media.downloader';

/** After this many failed attempts an attachment is marked failed; the message itself is never lost. */
export const MEDIA_MAX_ATTEMPTS = 8;
const BATCH = 10;

interface ClaimedMessage {
  id: string;
  organization_id: string;
  conversation_id: string;
  channel_account_id: string;
  attachments: MessageAttachment[];
  media_attempts: number;
}

/**
 * Downloads channel media as soon as a message arrives (ingest flags it `media_pending`). Any number
 * of workers may run: each claims messages with SKIP LOCKED; a failed or abandoned claim is retried
 * with exponential backoff (15 s × 2^attempts).
 */
@Injectable()
export class MediaDownloadWorker {
  private readonly logger = new Logger(MediaDownloadWorker.name);
  private running = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountContextService,
    private readonly downloader: MediaDownloader,
    private readonly messages: MessageStore,
    private readonly deriver: MediaImageDeriver,
  ) {}

  @Interval(3000)
  async tick(): Promise<void> {
    if (this.running) {return;}
    this.running = true;
    try {
      while ((await this.drain()) === BATCH){;}
    } catch (error) {
      this.logger.warn(`Media download round failed: ${describeError(error)}`);
    } finally {
      this.running = false;
    }
  }

  /** Claims and processes one batch; returns how many messages it claimed. */
  async drain(): Promise<number> {
    const claimed = await this.messages.claimMediaDownloads<ClaimedMessage>(this.dataSource.manager, BATCH);
    const contexts = new Map<string, ChannelAccountContext>();
    for (const message of claimed) {
      let context = contexts.get(message.channel_account_id);
      if (!context) {contexts.set(message.channel_account_id, (context = await this.accounts.load(message.channel_account_id)));}
      await this.process(message, context);
    }
    return claimed.length;
  }

  /**
   * A photo's thumbnail and EXIF-free display copy, made once right after the download, and the GPS
   * position its EXIF holds. A photo sharp cannot read stays stored (evidence) and is retried when
   * first served; it is never shown with its EXIF.
   */
  private async derive(sha256: string, mimeType: string | null): Promise<Partial<MessageAttachment>> {
    if (!isDerivableImage(mimeType)) {
      return {};
    }
    try {
      const derived = await this.deriver.derive(sha256);
      return { derived: { width: derived.width, height: derived.height }, exifLocation: derived.exifPosition };
    } catch (error) {
      this.logger.warn(`Could not derive photo copies of ${sha256.slice(0, 12)}…: ${describeError(error)}`);
      return {};
    }
  }

  private async process(message: ClaimedMessage, account: ChannelAccountContext): Promise<void> {
    let stillPending = false;
    const attachments: MessageAttachment[] = [];
    for (const attachment of message.attachments) {
      if (!isDownloadable(attachment) || attachment.downloadState === 'stored' || attachment.downloadState === 'failed') {
        attachments.push(attachment);
        continue;
      }
      try {
        const stored = await this.downloader.download(account, attachment);
        const mimeType = attachment.mimeType ?? stored.mimeType;
        attachments.push({
          ...attachment,
          mediaAssetId: stored.sha256,
          storageKey: stored.storageKey,
          size: stored.size,
          mimeType,
          downloadState: 'stored',
          downloadError: null,
          ...(await this.derive(stored.sha256, mimeType)),
        });
      } catch (error) {
        const retryable = error instanceof ChannelError ? error.kind === ChannelErrorKind.Retry : true;
        const giveUp = !retryable || message.media_attempts >= MEDIA_MAX_ATTEMPTS;
        if (!giveUp) {stillPending = true;}
        attachments.push({ ...attachment, downloadState: giveUp ? 'failed' : 'pending', downloadError: (error as Error).message.slice(0, 500) });
      }
    }
    await this.dataSource.transaction(async (manager) => {
      await this.messages.storeDownloadedAttachments(manager, message.id, JSON.stringify(attachments), stillPending);
      await publishLiveEvent(manager, { type: LiveEventName.ConversationUpdated, organizationId: message.organization_id, conversationIds: [message.conversation_id], change: 'media' });
    });
  }
}
