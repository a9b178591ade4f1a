import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { AccountContextService } from '@civic/channels';
import { ChannelAccountContext, ChannelError, ChannelErrorKind } from '@civic/channels-core';
import { describeError } from '@civic/database';
import { isDownloadable, MessageAttachment } from '@civic/domain';
import { LiveEventName, publishLiveEvent } from '@civic/live-events';
import { MessageStore } from '@civic/messages';
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
        attachments.push({
          ...attachment,
          mediaAssetId: stored.sha256,
          storageKey: stored.storageKey,
          size: stored.size,
          mimeType: attachment.mimeType ?? stored.mimeType,
          downloadState: 'stored',
          downloadError: null,
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
