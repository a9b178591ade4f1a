import { Module } from '@nestjs/common';
import { RepliesModule } from '@civic/replies';
import { RepliesController } from './replies.controller';
import { ReplyAttachmentsController } from './reply-attachments.controller';
import { ReplyDraftsController } from './reply-drafts.controller';

@Module({
  imports: [RepliesModule],
  controllers: [RepliesController, ReplyAttachmentsController, ReplyDraftsController],
})
export class RepliesApiModule {}
