import { Module } from '@nestjs/common';
import { AuditModule } from '@civic/audit';
import { CitizenInboundHandlerRegistry } from './citizen-inbound-handler.registry';
import { CitizenMessageSettingsService } from './citizen-message-settings.service';
import { CitizenNoticeService } from './citizen-notice.service';
import { CitizenNotices } from './citizen-notices';

/**
 * Automatic messages to citizens, the part every process needs: the notice outbox (CitizenNotices),
 * the organization's settings and the inbound handler registry (one instance: Nest shares a static module).
 */
@Module({
  imports: [AuditModule],
  providers: [
    CitizenMessageSettingsService,
    CitizenNoticeService,
    { provide: CitizenNotices, useExisting: CitizenNoticeService },
    CitizenInboundHandlerRegistry,
  ],
  exports: [CitizenMessageSettingsService, CitizenNotices, CitizenInboundHandlerRegistry],
})
export class CitizenLoopModule {}
