import { Module } from '@nestjs/common';
import { OfficeHoursModule } from '@civic/office-hours';
import { OfficeHoursController } from './office-hours.controller';

@Module({ imports: [OfficeHoursModule], controllers: [OfficeHoursController] })
export class OfficeHoursApiModule {}
