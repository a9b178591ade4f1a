import { Module } from '@nestjs/common';
import { ChannelsModule } from '@civic/channels';
import { IngestModule } from '@civic/ingest';
import { PollingScheduler } from './polling.scheduler';
import { PollingService } from './polling.service';

/** Worker side: scheduled polling of connected accounts (needs ScheduleModule.forRoot() in the worker). */
@Module({
  imports: [ChannelsModule, IngestModule],
  providers: [PollingService, PollingScheduler],
  exports: [PollingService],
})
export class PollingModule {}
