import { Module } from '@nestjs/common';
import { CitizenLoopModule } from '@civic/citizen-loop';
import { CategoryModelScheduler } from './category-model.scheduler';
import { MessageReadingHandler } from './message-reading.handler';
import { MessageReadingsModule } from './message-readings.module';

/** Worker side: every citizen message is read in the inbound scanner; the category model is retrained nightly. */
@Module({
  imports: [MessageReadingsModule, CitizenLoopModule],
  providers: [MessageReadingHandler, CategoryModelScheduler],
})
export class MessageReadingsWorkerModule {}
