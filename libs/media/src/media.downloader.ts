import { Injectable } from '@nestjs/common';
import { ChannelAccountContext } from '@civic/channels-core';
import { metaAccessToken, MetaGraphClient } from '@civic/channels-meta';
import { MessageAttachment } from '@civic/domain';
import { MediaStore, StoredMedia } from './media.store';

/** WhatsApp `GET /{media-id}`: a short-lived URL that needs the same Bearer token. */
interface GraphMediaUrl {
  url: string;
  mime_type?: string;
  sha256?: string;
  file_size?: string;
}

export { isDownloadable } from '@civic/domain';

/**
 * Fetches an attachment's bytes right away (channel URLs expire within minutes to days) and stores them
 * content-addressed. Never touches the database: the caller records the returned asset.
 */
@Injectable()
export class MediaDownloader {
  constructor(
    private readonly graph: MetaGraphClient,
    private readonly store: MediaStore,
  ) {}

  async download(account: ChannelAccountContext, attachment: MessageAttachment): Promise<StoredMedia> {
    if (attachment.channelMediaId) {
      // Media ids (WhatsApp): id → URL → bytes, both calls with the account's token.
      const token = metaAccessToken(account);
      const media = await this.graph.get<GraphMediaUrl>(`/${attachment.channelMediaId}`, token);
      const file = await this.graph.download(media.url, token);
      return this.store.put(file.data, media.mime_type ?? file.contentType ?? attachment.mimeType ?? null);
    }
    if (attachment.channelUrl) {
      // Signed CDN URLs (Messenger, Instagram, X) carry their own authorization; our token must not travel to them.
      const file = await this.graph.download(attachment.channelUrl, null);
      return this.store.put(file.data, attachment.mimeType ?? file.contentType ?? null);
    }
    throw new Error(`Attachment of type ${attachment.type} has no media to download`);
  }
}
