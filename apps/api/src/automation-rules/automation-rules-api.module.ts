import { Module } from '@nestjs/common';
import { AutomationRulesModule } from '@civic/automation-rules';
import { AutomationRulesController } from './automation-rules.controller';

@Module({ imports: [AutomationRulesModule], controllers: [AutomationRulesController] })
export class AutomationRulesApiModule {}
