import { Module } from '@nestjs/common';
import { CasesModule } from '@civic/cases';
import { MentionsModule } from '@civic/mentions';
import { OverviewController } from './overview.controller';
import { OverviewService } from './overview.service';

@Module({
  imports: [CasesModule, MentionsModule],
  controllers: [OverviewController],
  providers: [OverviewService],
})
export class OverviewApiModule {}
