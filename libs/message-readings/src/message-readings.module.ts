import { Module } from '@nestjs/common';
import { AuditModule } from '@civic/audit';
import { CategoryModelService } from './category-model.service';
import { MessageReadings } from './message-readings.provider';
import { ReadingSettingsService } from './reading-settings.service';

/** Readings of citizen messages (issue 28): the reader, the organization's category model, the settings. */
@Module({
  imports: [AuditModule],
  providers: [MessageReadings, CategoryModelService, ReadingSettingsService],
  exports: [MessageReadings, CategoryModelService, ReadingSettingsService],
})
export class MessageReadingsModule {}
