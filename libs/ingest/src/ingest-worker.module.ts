import { Module } from '@nestjs/common';
import { ChannelsModule } from '@civic/channels';
import { MediaModule } from '@civic/media';
import { ContactProfileWorker } from './contact-profile.worker';
import { DeferredUpdateSweeper } from './deferred-update.sweeper';
import { IngestModule } from './ingest.module';

/**
 * Ingest's scheduled work, run by worker processes: deferred updates applied once their message is
 * stored, and the names and pictures of citizens fetched from the channel's profile API.
 */
@Module({
  imports: [IngestModule, ChannelsModule, MediaModule],
  providers: [DeferredUpdateSweeper, ContactProfileWorker],
  exports: [DeferredUpdateSweeper, ContactProfileWorker],
})
export class IngestWorkerModule {}
