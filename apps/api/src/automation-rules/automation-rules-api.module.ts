import { Module } from '@nestjs/common';
import { AutomationRulesModule } from '@civic/automation-rules';
import { AutomationRulesController } from './automation-rules.controller';
import { ContactTagsController } from './contact-tags.controller';

@Module({ imports: [AutomationRulesModule], controllers: [AutomationRulesController, ContactTagsController] })
export class AutomationRulesApiModule {}
