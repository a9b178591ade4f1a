import { Module } from '@nestjs/common';
import { AuditModule } from '@civic/audit';
import { CitizenLoopModule } from '@civic/citizen-loop';
import { MailModule } from '@civic/mail';
import { QueueModule } from '@civic/queue';
import { CaseHistoryRecorder } from '../case-history.recorder';
import { CaseStore } from '../case.store';
import { NEIGHBOURHOOD_LOOKUP_PROVIDERS } from '../neighbourhoods/neighbourhood.providers';
import { NotSolvedDepartmentNotifier } from './not-solved-department.notifier';
import { SatisfactionAnswerHandler } from './satisfaction-answer.handler';

/**
 * Satisfaction answers, worker side: the inbound scanner (CitizenLoopWorkerModule) runs in the
 * worker process, so the answer handler registers there; "not solved" e-mails the department.
 */
@Module({
  imports: [AuditModule, CitizenLoopModule, MailModule, QueueModule],
  providers: [
    CaseStore,
    CaseHistoryRecorder,
    ...NEIGHBOURHOOD_LOOKUP_PROVIDERS,
    NotSolvedDepartmentNotifier,
    SatisfactionAnswerHandler,
  ],
})
export class SatisfactionWorkerModule {}
