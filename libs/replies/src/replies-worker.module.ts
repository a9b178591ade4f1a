import { Module } from '@nestjs/common';
import { ChannelsModule } from '@civic/channels';
import { QueueModule } from '@civic/queue';
import { OutboundReplyBuilder } from './outbound-reply.builder';
import { ReplyDispatcher } from './reply.dispatcher';
import { ReplyWorker } from './reply.worker';
import { SendRateLimiter } from './send-rate.limiter';
import { SentReplyRecorder } from './sent-reply.recorder';

/** Sending replies (worker side): the pg-boss consumer and the at-most-once dispatcher. */
@Module({
  imports: [ChannelsModule, QueueModule],
  providers: [OutboundReplyBuilder, ReplyDispatcher, ReplyWorker, SendRateLimiter, SentReplyRecorder],
  exports: [ReplyDispatcher, SendRateLimiter],
})
export class RepliesWorkerModule {}
