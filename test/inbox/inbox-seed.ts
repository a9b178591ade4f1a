import type { MessageEvent } from '@civic/channels-core';
import {
  ChannelAccount,
  Channel,
  ConversationKind,
  MessageDirection,
  MessageKind,
  AttachmentType,
} from '@civic/domain';
import { IngestService } from '@civic/ingest';
import type { TestApp } from '../support/test-app';

export interface SeededAccounts {
  facebook: ChannelAccount;
  instagram: ChannelAccount;
  twitter: ChannelAccount;
  whatsapp: ChannelAccount;
}

/** One connected account per channel for an organization (external ids unique per call). */
export async function createAccounts(t: TestApp, organizationId: string, suffix: string): Promise<SeededAccounts> {
  const repo = t.dataSource.getRepository(ChannelAccount);
  const make = (channel: Channel, name: string, ownerLabel: string) =>
    repo.save({
      organizationId,
      channel,
      externalId: `${channel}-${suffix}`,
      name,
      handle: `@${channel}_${suffix}`,
      ownerLabel,
    });
  return {
    facebook: await make(Channel.Facebook, 'Melikgazi Belediyesi', 'Belediye'),
    instagram: await make(Channel.Instagram, 'melikgazibel', 'Belediye'),
    twitter: await make(Channel.Twitter, 'Başkan Yardımcısı', 'Başkan'),
    whatsapp: await make(Channel.WhatsApp, 'Çözüm Masası', 'Belediye'),
  };
}

let counter = 0;

/** A normalized inbound message, as an adapter would hand it to ingest. */
export function inbound(
  account: ChannelAccount,
  text: string,
  options: {
    at: string;
    kind?: ConversationKind;
    thread?: string;
    contactId?: string;
    contactName?: string;
    contactHandle?: string;
    attachments?: MessageEvent['attachments'];
  },
): MessageEvent {
  counter += 1;
  const kind = options.kind ?? ConversationKind.Direct;
  const contactId = options.contactId ?? `user-${counter}`;
  const occurredAt = new Date(options.at);
  return {
    type: 'message',
    channel: account.channel,
    accountExternalId: account.externalId,
    occurredAt,
    externalId: `${account.channel}-msg-${counter}-${Math.random().toString(36).slice(2, 8)}`,
    direction: MessageDirection.Inbound,
    kind:
      kind === ConversationKind.Direct
        ? MessageKind.Dm
        : account.channel === Channel.Twitter
          ? MessageKind.Mention
          : MessageKind.Comment,
    text,
    attachments: options.attachments,
    contact: { externalId: contactId, name: options.contactName ?? null, handle: options.contactHandle ?? null },
    thread:
      kind === ConversationKind.Direct
        ? { kind, key: options.thread ?? `dm:${contactId}` }
        : { kind, key: options.thread ?? `post:${counter}`, rootExternalId: options.thread ?? `post-${counter}` },
    replyWindowExpiresAt:
      kind === ConversationKind.Direct && account.channel !== Channel.Twitter
        ? new Date(occurredAt.getTime() + 24 * 3600 * 1000)
        : undefined,
  };
}

export const LOCATION_ATTACHMENT = [
  { type: AttachmentType.Location, location: { latitude: 38.72, longitude: 35.48, name: 'Talas Caddesi' } },
];

export async function ingestAll(t: TestApp, events: MessageEvent[]): Promise<void> {
  const report = await t.app.get(IngestService).ingest(events);
  if (report.stored !== events.length) {
    throw new Error(`seed failed: ${JSON.stringify(report.results.filter((r) => r.outcome !== 'stored'))}`);
  }
}
