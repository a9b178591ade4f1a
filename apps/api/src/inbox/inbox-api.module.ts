import { Module } from '@nestjs/common';
import { InboxModule } from '@civic/inbox';
import { MediaLinkModule } from '@civic/media';
import { TeamsModule } from '@civic/teams';
import { CannedResponsesController } from './canned-responses.controller';
import { ContactsController } from './contacts.controller';
import { ConversationsController } from './conversations.controller';
import { InboxStatsController } from './inbox-stats.controller';
import { LiveEventsController } from './live-events.controller';

@Module({
  imports: [InboxModule, MediaLinkModule, TeamsModule],
  controllers: [
    ConversationsController,
    ContactsController,
    CannedResponsesController,
    LiveEventsController,
    InboxStatsController,
  ],
})
export class InboxApiModule {}
