import { Module } from '@nestjs/common';
import { MailModule } from '@civic/mail';
import { QueueModule } from '@civic/queue';
import { AutomationModule } from './automation.module';
import { TeamMailWorker } from './team-mail.worker';
import { TeamWebhookWorker } from './team-webhook.worker';

/** Automation, worker side: sends the e-mails and webhook posts notify_team and notify_team_webhook queued. */
@Module({
  imports: [AutomationModule, MailModule, QueueModule],
  providers: [TeamMailWorker, TeamWebhookWorker],
})
export class AutomationWorkerModule {}
