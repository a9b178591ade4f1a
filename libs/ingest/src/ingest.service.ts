import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@civic/audit';
import { NormalizedEvent } from '@civic/channels-core';
import { MessageStore } from '@civic/messages';
import { validateEvent } from './event-validator';
import { IngestBatchWriter } from './ingest-batch.writer';
import { IngestLookupReader } from './ingest-lookup.reader';
import { INGEST_METRICS, IngestMetrics } from './ingest-metrics';
import { PendingMessage, planMessages } from './ingest-plan';
import { IngestEventResult, IngestReport } from './ingest-report';
import { AccountRef, mergeTouched, notifyChanged, summarize, Touched } from './ingest-touched';
import { MessageUpdateApplier, UpdateEvent } from './message-update.applier';
import { ReplyReconciler } from './reply-reconciler';

const DEADLOCK_DETECTED = '40P01';
const MAX_DEADLOCK_ATTEMPTS = 3;

/**
 * Stores normalized events idempotently: upsert contacts, find or open conversations, insert each
 * message once, apply edits, deletes and delivery states. One transaction per batch and a fixed
 * number of statements per batch (not per event), in plain SQL because this is the hot path.
 */
@Injectable()
export class IngestService {
  private readonly logger = new Logger(IngestService.name);
  private readonly replies: ReplyReconciler;
  private readonly updates: MessageUpdateApplier;
  private readonly reader: IngestLookupReader;
  private readonly writer: IngestBatchWriter;

  constructor(
    private readonly dataSource: DataSource,
    audit: AuditService,
    messages: MessageStore,
    @Optional() @Inject(INGEST_METRICS) private readonly metrics?: IngestMetrics,
  ) {
    this.replies = new ReplyReconciler(dataSource, audit, messages);
    this.updates = new MessageUpdateApplier(messages, audit, this.replies);
    this.reader = new IngestLookupReader(dataSource);
    this.writer = new IngestBatchWriter(messages);
  }

  async ingest(events: NormalizedEvent[]): Promise<IngestReport> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.ingestOnce(events);
      } catch (error) {
        // Two batches writing the same citizens or threads in a different order can deadlock;
        // PostgreSQL aborts one of them as a whole, so running it again is safe.
        if ((error as { code?: string }).code !== DEADLOCK_DETECTED || attempt >= MAX_DEADLOCK_ATTEMPTS) {
          throw error;
        }
        this.logger.warn(`Ingest batch of ${events.length} event(s) deadlocked; retrying (attempt ${attempt + 1})`);
      }
    }
  }

  private async ingestOnce(events: NormalizedEvent[]): Promise<IngestReport> {
    const results: IngestEventResult[] = new Array(events.length);
    const checked: { index: number; event: NormalizedEvent }[] = [];
    events.forEach((event, index) => {
      const problem = validateEvent(event);
      if (problem) {
        results[index] = { outcome: 'rejected', reason: problem };
      } else {
        checked.push({ index, event });
      }
    });

    const known = await this.reader.lookup(checked.map((c) => c.event));
    const messages: PendingMessage[] = [];
    const updates: { index: number; event: UpdateEvent; account: AccountRef }[] = [];
    checked.forEach(({ index, event }, i) => {
      const found = known[i];
      if (!found) {
        results[index] = {
          outcome: 'unknown_account',
          reason: `no connected ${event.channel} account ${event.accountExternalId}`,
        };
      } else if (found.messageId) {
        // Already stored: a redelivery or a replay. Nothing to write.
        results[index] = { outcome: 'duplicate', messageId: found.messageId, conversationId: found.conversationId! };
      } else if (event.type === 'message') {
        messages.push({ index, event, account: found.account, known: found });
      } else {
        updates.push({ index, event, account: found.account });
      }
    });

    followParentThreads(messages);
    const touched: Touched = new Map();
    // Echoes naming our reply: most are stored like any message (the reply's result folds them in).
    for (const item of messages.filter((m) => m.event.replyId)) {
      const result = await this.replies.echoOfReply(item, touched);
      if (!result) {
        continue;
      }
      results[item.index] = result;
      messages.splice(messages.indexOf(item), 1);
    }
    if (messages.length > 0 || updates.length > 0) {
      const plan = planMessages(messages);
      if (
        updates.length === 0 &&
        plan.contacts.length === 0 &&
        plan.conversations.length === 0 &&
        !plan.parentInBatch
      ) {
        // The common case (a citizen writing again in a known thread): one statement, which is
        // its own transaction, stores the messages, moves the counters and notifies.
        await this.writer.insertMessages(this.dataSource.manager, plan, results, touched);
      } else {
        await this.dataSource.transaction(async (manager) => {
          if (messages.length > 0) {
            await this.writer.upsertContacts(manager, plan);
            await this.writer.openConversations(manager, plan);
            await this.writer.insertMessages(manager, plan, results, touched);
          }
          const changed: Touched = new Map();
          for (const { index, event, account } of updates) {
            results[index] = await this.updates.apply(manager, event, account, changed);
          }
          await notifyChanged(manager, changed);
          mergeTouched(touched, changed);
        });
      }
    }

    for (const item of messages) {
      if (!item.event.replyId || results[item.index]?.outcome !== 'stored') {
        continue;
      }
      // The reply's send may have been found interrupted since echoOfReply looked (a late redelivery):
      // then this echo is folded into it now (see adoptEchoesOfInterruptedReply).
      const folded = await this.replies.adoptEchoesOfInterruptedReply(item.event.replyId);
      if (folded) {
        results[item.index] = {
          outcome: 'updated',
          messageId: item.event.replyId,
          conversationId: folded.conversationId,
        };
      }
    }

    const unknownAccounts = results.filter((r) => r.outcome === 'unknown_account').length;
    if (unknownAccounts > 0) {
      this.logger.warn(`${unknownAccounts} event(s) for accounts that are not connected were skipped`);
    }
    const report = summarize(results, touched);
    this.metrics?.record(events, report);
    return report;
  }
}

/**
 * The account's own comments go into the thread of the citizen comment they answer: the stored
 * one's, or one arriving in the same batch; otherwise they stay on the post's own thread.
 */
function followParentThreads(messages: PendingMessage[]): void {
  const inBatch = new Map(messages.map((m) => [`${m.account.id}|${m.event.externalId}`, m]));
  messages.forEach((item, i) => {
    const { event, known } = item;
    if (!event.thread.followsParent || !event.parentExternalId) {
      return;
    }
    const sibling = inBatch.get(`${item.account.id}|${event.parentExternalId}`);
    const key = known.parentThread?.key ?? (sibling?.event.thread.followsParent ? null : sibling?.event.thread.key);
    if (!key) {
      return;
    }
    messages[i] = {
      ...item,
      event: { ...event, thread: { ...event.thread, key } },
      known: {
        ...known,
        threadConversationId: known.parentThread?.conversationId ?? sibling!.known.threadConversationId,
      },
    };
  });
}
