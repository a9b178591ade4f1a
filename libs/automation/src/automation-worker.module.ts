import { Module } from '@nestjs/common';
import { MailModule } from '@civic/mail';
import { QueueModule } from '@civic/queue';
import { AutomationModule } from './automation.module';
import { TeamMailWorker } from './team-mail.worker';

/** Automation, worker side: sends the e-mails notify_team queued. */
@Module({
  imports: [AutomationModule, MailModule, QueueModule],
  providers: [TeamMailWorker],
})
export class AutomationWorkerModule {}
