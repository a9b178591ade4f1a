import { Module } from '@nestjs/common';
import { MediaLinkModule, MediaModule } from '@civic/media';
import { AttachmentFileReader } from './attachment-file.reader';
import { MessageAttachmentsController } from './message-attachments.controller';
import { SignedMediaController } from './signed-media.controller';

@Module({
  imports: [MediaModule, MediaLinkModule],
  providers: [AttachmentFileReader],
  controllers: [MessageAttachmentsController, SignedMediaController],
})
export class MediaApiModule {}
