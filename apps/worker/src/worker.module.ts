import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { IngestModule } from '@civic/ingest';
import { MediaWorkerModule } from '@civic/media';
import { PollingModule } from '@civic/polling';
import { MentionsWorkerModule } from '@civic/mentions';
import { RepliesWorkerModule } from '@civic/replies';

/** Scheduled and queued work: channel polling, reply dispatch, media download, retention. */
@Module({
  imports: [ScheduleModule.forRoot(), IngestModule, RepliesWorkerModule, PollingModule, MediaWorkerModule, MentionsWorkerModule],
})
export class WorkerModule {}
