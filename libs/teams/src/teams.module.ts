import { Module } from '@nestjs/common';
import { AuditModule } from '@civic/audit';
import { TeamAssigner } from '@civic/automation';
import { InboxModule } from '@civic/inbox';
import { LiveEventsModule } from '@civic/live-events';
import { AvailabilityService } from './availability.service';
import { ConversationTeamService } from './conversation-team.service';
import { PresenceService } from './presence.service';
import { RoundRobinTeamAssigner } from './round-robin-team.assigner';
import { TeamAssignmentWriter } from './team-assignment.writer';
import { TeamMemberPicker } from './team-member.picker';
import { TeamQueueDispatcher } from './team-queue.dispatcher';
import { TeamsService } from './teams.service';

const PROVIDERS = [
  TeamMemberPicker,
  TeamAssignmentWriter,
  RoundRobinTeamAssigner,
  TeamQueueDispatcher,
  PresenceService,
  AvailabilityService,
  TeamsService,
  ConversationTeamService,
];

/**
 * Teams, presence and automatic assignment (issue 26). Binds the automation contract `TeamAssigner`
 * to the round robin: import this module to inject `TeamAssigner`.
 */
@Module({
  imports: [AuditModule, InboxModule, LiveEventsModule],
  providers: [...PROVIDERS, { provide: TeamAssigner, useExisting: RoundRobinTeamAssigner }],
  exports: [...PROVIDERS, TeamAssigner],
})
export class TeamsModule {}
