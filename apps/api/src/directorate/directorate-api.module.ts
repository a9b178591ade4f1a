import { Module } from '@nestjs/common';
import { CasesModule } from '@civic/cases';
import { InboxModule } from '@civic/inbox';
import { MediaLinkModule } from '@civic/media';
import { DirectorateController } from './directorate.controller';

/** The directorate (müdürlük) workspace API (issue 26). */
@Module({
  imports: [CasesModule, InboxModule, MediaLinkModule],
  controllers: [DirectorateController],
})
export class DirectorateApiModule {}
