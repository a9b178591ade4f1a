import { Module } from '@nestjs/common';
import { InboxModule } from '@civic/inbox';
import { CannedResponsesController } from './canned-responses.controller';
import { ContactsController } from './contacts.controller';
import { ConversationsController } from './conversations.controller';
import { InboxStatsController } from './inbox-stats.controller';
import { LiveEventsController } from './live-events.controller';

@Module({
  imports: [InboxModule],
  controllers: [
    ConversationsController,
    ContactsController,
    CannedResponsesController,
    LiveEventsController,
    InboxStatsController,
  ],
})
export class InboxApiModule {}
