import { Module } from '@nestjs/common';
import { CasesModule } from '@civic/cases';
import { OfficeHoursModule } from '@civic/office-hours';
import { DemoHistoryService } from './demo-history.service';

/** The demo's generated past (needs the global audit and config modules, the data source, the office calendar, and cases for the neighbourhoods). */
@Module({ imports: [OfficeHoursModule, CasesModule], providers: [DemoHistoryService], exports: [DemoHistoryService] })
export class DemoHistoryModule {}
