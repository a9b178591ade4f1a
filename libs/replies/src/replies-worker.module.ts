import { Module } from '@nestjs/common';
import { ChannelsModule } from '@civic/channels';
import { ReplyReconciler } from '@civic/ingest';
import { MediaLinkModule, MediaModule } from '@civic/media';
import { MessagesModule } from '@civic/messages';
import { QueueModule } from '@civic/queue';
import { OutboundReplyBuilder } from './outbound-reply.builder';
import { ReplyFilesFactory } from './reply-files.factory';
import { ReplyDispatcher } from './reply.dispatcher';
import { ReplyWorker } from './reply.worker';
import { SendRateLimiter } from './send-rate.limiter';
import { SentReplyRecorder } from './sent-reply.recorder';

/** Sending replies (worker side): the pg-boss consumer and the at-most-once dispatcher. */
@Module({
  imports: [ChannelsModule, QueueModule, MessagesModule, MediaModule, MediaLinkModule],
  providers: [
    OutboundReplyBuilder,
    ReplyDispatcher,
    ReplyWorker,
    SendRateLimiter,
    SentReplyRecorder,
    ReplyReconciler,
    ReplyFilesFactory,
  ],
  exports: [ReplyDispatcher, SendRateLimiter],
})
export class RepliesWorkerModule {}
