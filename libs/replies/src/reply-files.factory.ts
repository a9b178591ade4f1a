import { readFile } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import type { ReplyFiles } from '@civic/channels-core';
import { AppConfig } from '@civic/config';
import type { MessageAttachment } from '@civic/domain';
import { MediaLinkSigner, MediaStore } from '@civic/media';

/**
 * What an adapter gets to send an officer's uploaded files: their stored bytes, and a short-lived
 * signed link under PUBLIC_URL for channels that fetch a file themselves (Instagram DMs, Facebook
 * comment photos). The link names the reply's own message and attachment index, like any media link.
 */
@Injectable()
export class ReplyFilesFactory {
  constructor(
    private readonly store: MediaStore,
    private readonly links: MediaLinkSigner,
    private readonly config: AppConfig,
  ) {}

  for(organizationId: string, messageId: string, attachments: MessageAttachment[]): ReplyFiles {
    const publicBase = this.config.env.PUBLIC_URL?.replace(/\/+$/, '') ?? null;
    return {
      read: (index) => {
        const key = attachments[index]?.storageKey;
        if (!key) {
          throw new Error(`Reply attachment ${index} has no stored file`);
        }
        return readFile(this.store.pathOf(key));
      },
      publicUrl: (index) =>
        publicBase && attachments[index]?.storageKey
          ? `${publicBase}${this.links.sign({ organizationId, messageId, index }).url}`
          : null,
    };
  }
}
