import { Module } from '@nestjs/common';
import { ChannelsModule } from '@civic/channels';
import { MessagesModule } from '@civic/messages';
import { QueueModule } from '@civic/queue';
import { OutboundReplyBuilder } from './outbound-reply.builder';
import { ReplyService } from './reply.service';

/** Accepting replies (api side): validation, outbound message and send job in one transaction. */
@Module({
  imports: [ChannelsModule, QueueModule, MessagesModule],
  providers: [OutboundReplyBuilder, ReplyService],
  exports: [ReplyService],
})
export class RepliesModule {}
