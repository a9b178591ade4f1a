import { Module } from '@nestjs/common';
import { AuditModule } from '@civic/audit';
import { CitizenLoopModule } from '@civic/citizen-loop';
import { CaseHistoryRecorder } from '../case-history.recorder';
import { CaseStore } from '../case.store';
import { SatisfactionAnswerHandler } from './satisfaction-answer.handler';

/**
 * Satisfaction answers, worker side: the inbound scanner (CitizenLoopWorkerModule) runs in the
 * worker process, so the answer handler registers there.
 */
@Module({
  imports: [AuditModule, CitizenLoopModule],
  providers: [CaseStore, CaseHistoryRecorder, SatisfactionAnswerHandler],
})
export class SatisfactionWorkerModule {}
