import { Module } from '@nestjs/common';
import { CitizenLoopModule } from '@civic/citizen-loop';
import { CitizenMessagesController } from './citizen-messages.controller';

@Module({ imports: [CitizenLoopModule], controllers: [CitizenMessagesController] })
export class CitizenMessagesApiModule {}
