import { Module } from '@nestjs/common';
import { OfficeHoursModule } from '@civic/office-hours';
import { DemoHistoryService } from './demo-history.service';

/** The demo's generated past (needs the global audit and config modules, the data source and the office calendar). */
@Module({ imports: [OfficeHoursModule], providers: [DemoHistoryService], exports: [DemoHistoryService] })
export class DemoHistoryModule {}
