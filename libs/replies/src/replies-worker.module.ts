import { Module } from '@nestjs/common';
import { ChannelsModule } from '@civic/channels';
import { ReplyReconciler } from '@civic/ingest';
import { MessagesModule } from '@civic/messages';
import { QueueModule } from '@civic/queue';
import { OutboundReplyBuilder } from './outbound-reply.builder';
import { ReplyDispatcher } from './reply.dispatcher';
import { ReplyWorker } from './reply.worker';
import { SendRateLimiter } from './send-rate.limiter';
import { SentReplyRecorder } from './sent-reply.recorder';

/** Sending replies (worker side): the pg-boss consumer and the at-most-once dispatcher. */
@Module({
  imports: [ChannelsModule, QueueModule, MessagesModule],
  providers: [OutboundReplyBuilder, ReplyDispatcher, ReplyWorker, SendRateLimiter, SentReplyRecorder, ReplyReconciler],
  exports: [ReplyDispatcher, SendRateLimiter],
})
export class RepliesWorkerModule {}
