import { Module } from '@nestjs/common';
import { CitizenLoopModule } from '@civic/citizen-loop';
import { OfficeHoursModule } from './office-hours.module';
import { OutOfHoursReplyHandler } from './out-of-hours-reply.handler';

/** The out-of-hours reply, registered with the inbound scanner of the worker process. */
@Module({ imports: [OfficeHoursModule, CitizenLoopModule], providers: [OutOfHoursReplyHandler] })
export class OfficeHoursWorkerModule {}
