import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { RetentionWorkerModule } from '@civic/audit';
import { AutomationWorkerModule } from '@civic/automation';
import { AutomationRulesWorkerModule } from '@civic/automation-rules';
import { CaseStatusRequestModule, CasesWorkerModule, SatisfactionWorkerModule } from '@civic/cases';
import { CitizenLoopWorkerModule } from '@civic/citizen-loop';
import { IngestWorkerModule } from '@civic/ingest';
import { MediaWorkerModule } from '@civic/media';
import { MentionsWorkerModule } from '@civic/mentions';
import { MessageReadingsWorkerModule } from '@civic/message-readings';
import { OfficeHoursWorkerModule } from '@civic/office-hours';
import { PollingModule } from '@civic/polling';
import { RepliesWorkerModule } from '@civic/replies';
import { TeamsWorkerModule } from '@civic/teams';

/** Scheduled and queued work: channel polling, deferred message updates, reply dispatch, media download, retention. */
@Module({
  imports: [
    ScheduleModule.forRoot(),
    IngestWorkerModule,
    RepliesWorkerModule,
    PollingModule,
    MediaWorkerModule,
    CasesWorkerModule,
    CaseStatusRequestModule,
    MentionsWorkerModule,
    SatisfactionWorkerModule,
    RetentionWorkerModule,
    OfficeHoursWorkerModule,
    CitizenLoopWorkerModule,
    TeamsWorkerModule,
    MessageReadingsWorkerModule,
    AutomationRulesWorkerModule,
    AutomationWorkerModule,
  ],
})
export class WorkerModule {}
