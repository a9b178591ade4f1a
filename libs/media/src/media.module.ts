import { Module } from '@nestjs/common';
import { MetaGraphModule } from '@civic/channels-meta';
import { MediaDownloader } from './media.downloader';
import { MediaStore } from './media.store';

@Module({ imports: [MetaGraphModule], providers: [MediaStore, MediaDownloader], exports: [MediaStore, MediaDownloader] })
export class MediaModule {}
