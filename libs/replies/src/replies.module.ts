import { Module } from '@nestjs/common';
import { ChannelsModule } from '@civic/channels';
import { MediaModule } from '@civic/media';
import { MessagesModule } from '@civic/messages';
import { QueueModule } from '@civic/queue';
import { OutboundReplyBuilder } from './outbound-reply.builder';
import { ReplyDraftService } from './reply-draft.service';
import { ReplyUploadService } from './reply-upload.service';
import { ReplyService } from './reply.service';

/** Accepting replies (api side): validation, outbound message and send job in one transaction. */
@Module({
  imports: [ChannelsModule, QueueModule, MessagesModule, MediaModule],
  providers: [OutboundReplyBuilder, ReplyService, ReplyUploadService, ReplyDraftService],
  exports: [ReplyService, ReplyUploadService, ReplyDraftService],
})
export class RepliesModule {}
