import { Module } from '@nestjs/common';
import { AuditModule } from '@civic/audit';
import { CasesModule } from '@civic/cases';
import { InboxModule } from '@civic/inbox';
import { MailModule } from '@civic/mail';
import { QueueModule } from '@civic/queue';
import { RepliesModule } from '@civic/replies';
import { CaseActions } from './case.actions';
import { ConversationActionRunner } from './conversation-action-runner';
import { DefaultConversationActionRunner } from './conversation-action.runner';
import { ConversationChangeActions } from './conversation-change.actions';
import { MacroReferences } from './macro-references';
import { MacrosService } from './macros.service';
import { MessageActions } from './message.actions';
import { TeamDirectory } from './team-directory';
import { TeamMembersDirectory } from './team-members.directory';

/**
 * Conversation actions for rules and macros (issue 26), in every process: inject
 * ConversationActionRunner (from '@civic/automation') after importing this module. The api and the
 * worker app modules import it. TeamAssigner is bound by the teams module and found at run time.
 */
@Module({
  imports: [AuditModule, InboxModule, CasesModule, RepliesModule, MailModule, QueueModule],
  providers: [
    ConversationChangeActions,
    CaseActions,
    MessageActions,
    DefaultConversationActionRunner,
    { provide: ConversationActionRunner, useExisting: DefaultConversationActionRunner },
    MacroReferences,
    MacrosService,
    { provide: TeamDirectory, useClass: TeamMembersDirectory },
  ],
  exports: [ConversationActionRunner, DefaultConversationActionRunner, MacrosService, TeamDirectory],
})
export class AutomationModule {}
