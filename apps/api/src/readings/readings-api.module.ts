import { Module } from '@nestjs/common';
import { MessageReadingsModule } from '@civic/message-readings';
import { ReadingsController } from './readings.controller';

@Module({ imports: [MessageReadingsModule], controllers: [ReadingsController] })
export class ReadingsApiModule {}
