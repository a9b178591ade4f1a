import { Module } from '@nestjs/common';
import { BriefingMentionsReader } from './briefing-mentions.reader';
import { BriefingController } from './briefing.controller';
import { BriefingService } from './briefing.service';

@Module({
  controllers: [BriefingController],
  providers: [BriefingService, BriefingMentionsReader],
})
export class BriefingApiModule {}
