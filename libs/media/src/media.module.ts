import { Module } from '@nestjs/common';
import { MetaGraphModule } from '@civic/channels-meta';
import { MediaImageDeriver } from './media-image.deriver';
import { MediaDownloader } from './media.downloader';
import { MediaStore } from './media.store';

@Module({ imports: [MetaGraphModule], providers: [MediaStore, MediaDownloader, MediaImageDeriver],
  exports: [MediaStore, MediaDownloader, MediaImageDeriver],
 })
export class MediaModule {}
