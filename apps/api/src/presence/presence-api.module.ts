import { Module } from '@nestjs/common';
import { LiveEventsModule } from '@civic/live-events';
import { ConversationPresenceController } from './conversation-presence.controller';
import { ConversationPresenceService } from './conversation-presence.service';

/** Who is viewing or typing in a conversation (the collision guard, issue 26). */
@Module({
  imports: [LiveEventsModule],
  controllers: [ConversationPresenceController],
  providers: [ConversationPresenceService],
  exports: [ConversationPresenceService],
})
export class PresenceApiModule {}
