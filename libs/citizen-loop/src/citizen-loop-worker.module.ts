import { Module } from '@nestjs/common';
import { AuditModule } from '@civic/audit';
import { QueueModule } from '@civic/queue';
import { RepliesModule } from '@civic/replies';
import { CitizenInboundScanner } from './citizen-inbound.scanner';
import { CitizenLoopModule } from './citizen-loop.module';
import { CitizenNoticeSender } from './citizen-notice.sender';
import { CitizenNoticeWorker } from './citizen-notice.worker';
import { ConversationAcknowledgementHandler } from './conversation-acknowledgement.handler';
import { OptOutHandler } from './opt-out.handler';

/**
 * Automatic messages, worker side: sends queued notices through the reply outbox and runs the
 * inbound handlers on new citizen messages. Modules with their own handlers register them in the
 * shared CitizenInboundHandlerRegistry and must run in the worker process too.
 */
@Module({
  imports: [AuditModule, QueueModule, RepliesModule, CitizenLoopModule],
  providers: [
    CitizenNoticeSender,
    CitizenNoticeWorker,
    CitizenInboundScanner,
    OptOutHandler,
    ConversationAcknowledgementHandler,
  ],
  exports: [CitizenNoticeWorker, CitizenInboundScanner],
})
export class CitizenLoopWorkerModule {}
