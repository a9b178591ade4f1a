import { Module } from '@nestjs/common';
import { CitizenLoopModule } from '@civic/citizen-loop';
import { QueueModule } from '@civic/queue';
import { AutomationRulesInboundHandler } from './automation-rules-inbound.handler';
import { AutomationRulesModule } from './automation-rules.module';
import { CaseRuleEventWorker } from './case-rule-event.worker';
import { CaseSlaScanner } from './case-sla.scanner';
import { MentionRuleEventWorker } from './mention/mention-rule-event.worker';

/**
 * Worker side: the rules run on new citizen messages through the inbound scanner's handler registry,
 * on case events from their outbox, and on SLA crossings found every minute (needs ScheduleModule.forRoot()).
 */
@Module({
  imports: [AutomationRulesModule, CitizenLoopModule, QueueModule],
  providers: [AutomationRulesInboundHandler, CaseRuleEventWorker, CaseSlaScanner, MentionRuleEventWorker],
})
export class AutomationRulesWorkerModule {}
