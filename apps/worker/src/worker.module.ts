import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { IngestWorkerModule } from '@civic/ingest';
import { MediaWorkerModule } from '@civic/media';
import { PollingModule } from '@civic/polling';
import { RepliesWorkerModule } from '@civic/replies';
import { CasesWorkerModule } from '@civic/cases';
import { MentionsWorkerModule } from '@civic/mentions';
import { RetentionWorkerModule } from '@civic/audit';

/** Scheduled and queued work: channel polling, deferred message updates, reply dispatch, media download, retention. */
@Module({
  imports: [ScheduleModule.forRoot(), IngestWorkerModule, RepliesWorkerModule, PollingModule, MediaWorkerModule, CasesWorkerModule, MentionsWorkerModule, RetentionWorkerModule],
})
export class WorkerModule {}
