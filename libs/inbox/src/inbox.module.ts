import { Module } from '@nestjs/common';
import { CannedResponsesService } from './canned-responses.service';
import { ContactsService } from './contacts.service';
import { ConversationsService } from './conversations.service';
import { InboxStatsService } from './inbox-stats.service';
import { LiveEventsHub } from './live-events.hub';
import { LiveEventsPublisher } from './live-events.publisher';

const PROVIDERS = [ConversationsService, ContactsService, CannedResponsesService, InboxStatsService, LiveEventsHub, LiveEventsPublisher];

@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class InboxModule {}
