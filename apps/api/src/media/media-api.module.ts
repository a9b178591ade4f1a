import { Module } from '@nestjs/common';
import { MediaModule } from '@civic/media';
import { MessageAttachmentsController } from './message-attachments.controller';

@Module({ imports: [MediaModule], controllers: [MessageAttachmentsController] })
export class MediaApiModule {}
