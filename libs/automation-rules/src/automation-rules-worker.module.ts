import { Module } from '@nestjs/common';
import { CitizenLoopModule } from '@civic/citizen-loop';
import { AutomationRulesInboundHandler } from './automation-rules-inbound.handler';
import { AutomationRulesModule } from './automation-rules.module';

/** Worker side: the rules run on new citizen messages through the inbound scanner's handler registry. */
@Module({
  imports: [AutomationRulesModule, CitizenLoopModule],
  providers: [AutomationRulesInboundHandler],
})
export class AutomationRulesWorkerModule {}
