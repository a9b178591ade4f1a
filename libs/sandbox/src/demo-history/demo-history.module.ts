import { Module } from '@nestjs/common';
import { DemoHistoryService } from './demo-history.service';

/** The demo's generated past (needs the global audit and config modules and the data source). */
@Module({ providers: [DemoHistoryService], exports: [DemoHistoryService] })
export class DemoHistoryModule {}
