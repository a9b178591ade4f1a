import { Module } from '@nestjs/common';
import { AuditModule } from '@civic/audit';
import { MentionsModule } from '@civic/mentions';
import { MentionsController } from './mentions.controller';
import { WatchlistsController } from './watchlists.controller';

@Module({
  imports: [MentionsModule, AuditModule],
  controllers: [MentionsController, WatchlistsController],
})
export class MentionsApiModule {}
