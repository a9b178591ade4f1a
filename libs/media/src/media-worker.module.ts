import { Module } from '@nestjs/common';
import { ChannelsModule } from '@civic/channels';
import { MessagesModule } from '@civic/messages';
import { MediaDownloadWorker } from './media-download.worker';
import { MediaModule } from './media.module';

/** Worker side of media: downloads what ingest flagged. */
@Module({ imports: [MediaModule, ChannelsModule, MessagesModule], providers: [MediaDownloadWorker], exports: [MediaDownloadWorker] })
export class MediaWorkerModule {}
