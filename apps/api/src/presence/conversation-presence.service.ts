import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { filter, Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { describeError } from '@civic/database';
import { DomainError, ErrorCode } from '@civic/errors';
import {
  ConversationPresenceEvent,
  ConversationPresenceState,
  LiveEventName,
  LiveEventsHub,
  publishLiveEvent,
} from '@civic/live-events';

/** Without a heartbeat an officer stops counting as viewing after this long (the web beats every 15 s). */
export const VIEWING_SECONDS = 40;
/** "Yazıyor…" lasts this long after the last keystroke report (the web reports every 3 s while typing). */
export const TYPING_SECONDS = 6;
/** Expired entries (and the marks of those who left) are dropped this often. */
const PRUNE_MS = 60_000;

interface Entry {
  userId: string;
  displayName: string;
  viewingUntil: number;
  typingUntil: number;
  /** The report this entry is from (ms): an older copy arriving late is ignored. */
  at: number;
}

/** Another officer in the conversation's view. */
export interface PresentOfficer {
  userId: string;
  displayName: string;
  state: 'viewing' | 'typing';
}

/**
 * Who is viewing or typing in which conversation (the collision guard, issue 26). Kept in memory
 * with expiry, in every api process: a report is published with PostgreSQL NOTIFY like every live
 * event, and each process's LiveEventsHub hears it and updates its own map, so any process can say
 * who else is present. The stream sends the same events to those who may see the conversation.
 */
@Injectable()
export class ConversationPresenceService implements OnModuleDestroy {
  private readonly logger = new Logger(ConversationPresenceService.name);
  /** How long states last; a test shortens them. */
  readonly lifetime = { viewingSeconds: VIEWING_SECONDS, typingSeconds: TYPING_SECONDS };
  /** `<organization>/<conversation>` → user id → entry. */
  private readonly conversations = new Map<string, Map<string, Entry>>();
  private listening: Promise<void> | null = null;
  private subscription: Subscription | null = null;
  private pruner: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly hub: LiveEventsHub,
  ) {}

  /**
   * Records and announces what the caller does in the conversation; answers who else is there.
   * The caller's access to the conversation is checked by the route's guard; this checks that it exists.
   */
  async report(
    who: { organizationId: string; userId: string },
    conversationId: string,
    state: ConversationPresenceState,
  ): Promise<PresentOfficer[]> {
    const [row] = await this.dataSource.query(
      `SELECT c.channel_account_id, u.display_name
         FROM conversation c JOIN app_user u ON u.id = $3 AND u.organization_id = c.organization_id
        WHERE c.id = $1 AND c.organization_id = $2`,
      [conversationId, who.organizationId, who.userId],
    );
    if (!row) {
      throw new DomainError(ErrorCode.ConversationNotFound);
    }
    await this.listen();
    const event: ConversationPresenceEvent = {
      type: LiveEventName.ConversationPresence,
      organizationId: who.organizationId,
      conversationIds: [conversationId],
      channelAccountId: row.channel_account_id,
      userId: who.userId,
      displayName: row.display_name,
      state,
      viewingSeconds: state === 'left' ? 0 : this.lifetime.viewingSeconds,
      typingSeconds: state === 'typing' ? this.lifetime.typingSeconds : 0,
      at: Date.now(),
    };
    // Applied here at once; the copy NOTIFY brings back to this process is then older-or-equal and ignored.
    this.apply(event);
    await publishLiveEvent(this.dataSource.manager, event);
    return this.present(who.organizationId, conversationId, who.userId);
  }

  /** Officers other than `exceptUserId` viewing or typing in the conversation now. */
  present(organizationId: string, conversationId: string, exceptUserId: string): PresentOfficer[] {
    const now = Date.now();
    const entries = this.conversations.get(`${organizationId}/${conversationId}`);
    return [...(entries?.values() ?? [])]
      .filter((e) => e.userId !== exceptUserId && e.viewingUntil > now)
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'tr'))
      .map((e) => ({
        userId: e.userId,
        displayName: e.displayName,
        state: e.typingUntil > now ? 'typing' : 'viewing',
      }));
  }

  private apply(event: ConversationPresenceEvent): void {
    const key = `${event.organizationId}/${event.conversationIds[0]}`;
    let entries = this.conversations.get(key);
    if (!entries) {
      entries = new Map();
      this.conversations.set(key, entries);
    }
    const known = entries.get(event.userId);
    if (known && known.at > event.at) {
      return;
    }
    // Lifetimes count from when this process hears of it: the processes' clocks need not agree.
    const now = Date.now();
    entries.set(event.userId, {
      userId: event.userId,
      displayName: event.displayName,
      viewingUntil: event.viewingSeconds > 0 ? now + event.viewingSeconds * 1000 : 0,
      typingUntil: event.typingSeconds > 0 ? now + event.typingSeconds * 1000 : 0,
      at: event.at,
    });
  }

  /**
   * Hears every process's reports from this process's first one on (the hub's one LISTEN connection).
   * Lazily, so an api that never sees the web inbox opens no connection for it; what was reported to
   * other processes before is learnt from their next heartbeat (within 15 s).
   */
  private listen(): Promise<void> {
    this.listening ??= this.hub.subscribeAll().then((events) => {
      this.subscription = events
        .pipe(filter((e): e is ConversationPresenceEvent => e.type === LiveEventName.ConversationPresence))
        .subscribe((event) => {
          try {
            this.apply(event);
          } catch (error) {
            this.logger.warn(`Ignored a presence event: ${describeError(error)}`);
          }
        });
      this.pruner = setInterval(() => this.prune(), PRUNE_MS);
      this.pruner.unref();
    });
    this.listening.catch(() => (this.listening = null));
    return this.listening;
  }

  private prune(): void {
    // A departed officer's mark is kept a while, so a late copy of an older report cannot bring them back.
    const now = Date.now();
    for (const [key, entries] of this.conversations) {
      for (const [userId, entry] of entries) {
        if (entry.viewingUntil < now && entry.at < now - PRUNE_MS) {
          entries.delete(userId);
        }
      }
      if (entries.size === 0) {
        this.conversations.delete(key);
      }
    }
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    if (this.pruner) {
      clearInterval(this.pruner);
    }
    this.conversations.clear();
  }
}
