import { Module } from '@nestjs/common';
import { AutomationRulesModule } from '@civic/automation-rules';
import { CasesModule } from '@civic/cases';
import { OfficeHoursModule } from '@civic/office-hours';
import { TeamsModule } from '@civic/teams';
import { DemoAutomationSeeder } from './demo-automation.seeder';
import { DemoHistoryService } from './demo-history.service';

/**
 * The demo's generated past (needs the global audit and config modules, the data source, the office
 * calendar, cases for the neighbourhoods, teams and rules for the demo's automation).
 */
@Module({
  imports: [OfficeHoursModule, CasesModule, TeamsModule, AutomationRulesModule],
  providers: [DemoHistoryService, DemoAutomationSeeder],
  exports: [DemoHistoryService],
})
export class DemoHistoryModule {}
