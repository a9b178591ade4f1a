import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { CitizenInboundHandler, CitizenInboundMessage } from '@civic/citizen-loop';
import { CitizenInboundHandlerRegistry, CitizenNoticeKind, CitizenNotices } from '@civic/citizen-loop';
import { Clock } from '@civic/config';
import { OfficeCalendarService } from './office-calendar.service';
import { OfficeHoursSettingsService } from './office-hours-settings.service';
import { openingWords } from './opening-words';

/**
 * "We are outside office hours; we will get back to you from Pazartesi 08:30": a citizen's message
 * while the office is closed, at most once per conversation and closed period (the event key holds
 * the period's start). Off per channel account (a WhatsApp line run 24/7). Runs before the
 * acknowledgement (order 50), and passes: the message is still the citizen's request.
 */
@Injectable()
export class OutOfHoursReplyHandler implements CitizenInboundHandler, OnModuleInit {
  readonly order = 40;

  constructor(
    private readonly registry: CitizenInboundHandlerRegistry,
    private readonly notices: CitizenNotices,
    private readonly calendar: OfficeCalendarService,
    private readonly settings: OfficeHoursSettingsService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(manager: EntityManager, message: CitizenInboundMessage): Promise<'consumed' | 'pass'> {
    const now = this.clock.now();
    const calendar = await this.calendar.calendarOf(message.organizationId, manager);
    const closedSince = calendar.closedPeriodStart(now);
    if (!closedSince) {
      return 'pass';
    }
    if (!(await this.settings.outOfHoursReplyOn(manager, message.organizationId, message.channelAccountId))) {
      return 'pass';
    }
    const opensAt = calendar.nextOpening(now);
    await this.notices.enqueue(manager, {
      organizationId: message.organizationId,
      conversationId: message.conversationId,
      kind: CitizenNoticeKind.OutOfHours,
      eventKey: `ooh:${message.conversationId}:${closedSince.toISOString()}`,
      values: {
        opensAt: openingWords(opensAt, now, calendar.timeZone, 'tr'),
        opensAtEn: openingWords(opensAt, now, calendar.timeZone, 'en'),
      },
      inReplyToMessageId: message.kind === 'dm' ? null : message.id,
    });
    return 'pass';
  }
}
