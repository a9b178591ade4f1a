import { Module } from '@nestjs/common';
import { CitizenLoopModule } from '@civic/citizen-loop';
import { CaseStatusRequestHandler } from './case-status-request.handler';
import { CaseStatusLookup } from './case-status.lookup';

/** Status on request (worker side): registers its inbound handler with the citizen-loop scanner. */
@Module({
  imports: [CitizenLoopModule],
  providers: [CaseStatusLookup, CaseStatusRequestHandler],
  exports: [CaseStatusLookup],
})
export class CaseStatusRequestModule {}
