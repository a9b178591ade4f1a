import { Module } from '@nestjs/common';
import { LiveEventsModule } from '@civic/live-events';
import { CannedResponsesService } from './canned-responses.service';
import { ContactsService } from './contacts.service';
import { ConversationActivityRecorder } from './conversation-activity.recorder';
import { ConversationsService } from './conversations.service';
import { InboxStatsService } from './inbox-stats.service';

const PROVIDERS = [
  ConversationActivityRecorder,
  ConversationsService,
  ContactsService,
  CannedResponsesService,
  InboxStatsService,
];

@Module({ imports: [LiveEventsModule], providers: PROVIDERS, exports: [...PROVIDERS, LiveEventsModule] })
export class InboxModule {}
