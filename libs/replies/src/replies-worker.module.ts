import { Module } from '@nestjs/common';
import { ChannelsModule } from '@civic/channels';
import { QueueModule } from '@civic/queue';
import { OutboundReplyBuilder } from './outbound-reply.builder';
import { ReplyDispatcher } from './reply.dispatcher';
import { ReplyWorker } from './reply.worker';

/** Sending replies (worker side): the pg-boss consumer and the at-most-once dispatcher. */
@Module({
  imports: [ChannelsModule, QueueModule],
  providers: [OutboundReplyBuilder, ReplyDispatcher, ReplyWorker],
  exports: [ReplyDispatcher],
})
export class RepliesWorkerModule {}
