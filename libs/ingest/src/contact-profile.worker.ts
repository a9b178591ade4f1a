import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { AccountContextService } from '@civic/channels';
import { ChannelAccountContext, ChannelError, ChannelErrorKind, ChannelRegistry } from '@civic/channels-core';
import type { ContactProfile } from '@civic/channels-core';
import { describeError } from '@civic/database';
import { Channel, foldForSearch } from '@civic/domain';
import { LiveEventName, publishLiveEvent } from '@civic/live-events';
import { MediaStore } from '@civic/media';

const BATCH = 20;
/** A claimed contact comes back after this if its worker dies mid-fetch. */
const CLAIM_LEASE = '10 minutes';
/** A transient failure (rate limit, timeout) is tried again this much later; any other waits for the next message. */
const RETRY_AFTER = '1 hour';

interface DueContact {
  id: string;
  organization_id: string;
  channel_account_id: string;
  channel: Channel;
  channel_user_id: string;
  handle: string | null;
  phone: string | null;
}

/**
 * Asks the channel for the name and picture of citizens whose events name them by id only
 * (Messenger, Instagram DMs), in the background: ingest only marks them due (`profile_due_at`),
 * so a slow or failing profile API never holds up a message. Each contact is fetched once, and
 * again a week later when they write again; a failure is logged and the contact keeps its id.
 * Any number of workers share the work (SKIP LOCKED claims with a lease).
 */
@Injectable()
export class ContactProfileWorker {
  private readonly logger = new Logger(ContactProfileWorker.name);
  private running = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: ChannelRegistry,
    private readonly accounts: AccountContextService,
    private readonly media: MediaStore,
  ) {}

  @Interval(4000)
  async tick(): Promise<void> {
    if (this.running) {
      return;
    }
    this.running = true;
    try {
      while ((await this.drain()) === BATCH) {
        // more are due
      }
    } catch (error) {
      this.logger.warn(`Contact profile round failed: ${describeError(error)}`);
    } finally {
      this.running = false;
    }
  }

  /** Claims and fetches one batch of due contacts; returns how many it claimed. */
  async drain(): Promise<number> {
    // An UPDATE … RETURNING answers [rows, count] through TypeORM's query().
    const [claimed]: [DueContact[], number] = await this.dataSource.query(
      `UPDATE contact SET profile_due_at = now() + interval '${CLAIM_LEASE}'
        WHERE id IN (SELECT id FROM contact WHERE profile_due_at <= now() ORDER BY profile_due_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id, organization_id, channel_account_id, channel, channel_user_id, handle, phone`,
      [BATCH],
    );
    const contexts = new Map<string, ChannelAccountContext | null>();
    for (const contact of claimed) {
      if (!contexts.has(contact.channel_account_id)) {
        contexts.set(
          contact.channel_account_id,
          await this.accounts.load(contact.channel_account_id).catch(() => null),
        );
      }
      await this.fetchOne(contact, contexts.get(contact.channel_account_id) ?? null);
    }
    return claimed.length;
  }

  private async fetchOne(contact: DueContact, account: ChannelAccountContext | null): Promise<void> {
    const adapter = this.registry.get(contact.channel);
    if (!account || !adapter.fetchProfile) {
      await this.dataSource.query(
        `UPDATE contact SET profile_due_at = NULL, profile_checked_at = now() WHERE id = $1`,
        [contact.id],
      );
      return;
    }
    let profile: ContactProfile;
    try {
      profile = await adapter.fetchProfile(account, contact.channel_user_id);
    } catch (error) {
      const transient = !(error instanceof ChannelError) || error.kind === ChannelErrorKind.Retry;
      this.logger.warn(
        `Profile of ${contact.channel} contact ${contact.id} not fetched${transient ? ', retried later' : ''}: ${describeError(error)}`,
      );
      await this.dataSource.query(
        `UPDATE contact SET profile_checked_at = now(),
                profile_due_at = CASE WHEN $2 THEN now() + interval '${RETRY_AFTER}' END WHERE id = $1`,
        [contact.id, transient],
      );
      return;
    }
    const stored = profile.picture ? await this.media.put(profile.picture.data, profile.picture.contentType) : null;
    await this.dataSource.transaction(async (manager) => {
      const handle = contact.handle ?? profile.handle;
      await manager.query(
        `UPDATE contact SET name = COALESCE($2, name), handle = COALESCE(handle, $3), search_text = $4,
                avatar_storage_key = COALESCE($5, avatar_storage_key), avatar_mime_type = COALESCE($6, avatar_mime_type),
                profile_fetched_at = now(), profile_checked_at = now(), profile_due_at = NULL
          WHERE id = $1`,
        [
          contact.id,
          profile.name,
          profile.handle,
          foldForSearch([profile.name, handle, contact.phone].filter(Boolean).join(' ')),
          stored?.storageKey ?? null,
          stored ? (profile.picture?.contentType ?? 'image/jpeg') : null,
        ],
      );
      const conversations: { id: string }[] = await manager.query(
        `SELECT id FROM conversation WHERE organization_id = $1 AND contact_id = $2`,
        [contact.organization_id, contact.id],
      );
      if (conversations.length > 0) {
        await publishLiveEvent(manager, {
          type: LiveEventName.ConversationUpdated,
          organizationId: contact.organization_id,
          conversationIds: conversations.map((c) => c.id),
          change: 'contact',
        });
      }
    });
  }
}
