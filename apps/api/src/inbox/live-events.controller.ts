import { Controller, MessageEvent, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Observable, from, interval, map, merge, switchMap } from 'rxjs';
import { AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { UserRole } from '@civic/domain';
import { LiveEventsHub, LiveStreamSignal } from '@civic/live-events';
import { PresenceService } from '@civic/teams';

/** Keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('api/v1/events')
export class LiveEventsController {
  constructor(
    private readonly hub: LiveEventsHub,
    private readonly presence: PresenceService,
  ) {}

  @Sse()
  @Roles(UserRole.Admin, UserRole.Officer, UserRole.MayorOffice, UserRole.Auditor)
  @ApiOperation({
    summary: 'Server-sent events: new messages, status, assignment, tags, notes (EventSource may pass ?access_token=)',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'Events named by type (conversations.changed, conversation.updated, ready, ping); data is JSON',
    schema: { type: 'string' },
  })
  stream(@CurrentPrincipal() principal: AuthPrincipal): Observable<MessageEvent> {
    // An open stream is the officer's presence in the web inbox (team round robin).
    const stream = from(this.hub.subscribe(principal.organizationId)).pipe(
      switchMap((events) =>
        merge(
          from([{ type: LiveStreamSignal.Ready, data: { organizationId: principal.organizationId } } as MessageEvent]),
          events.pipe(map((event): MessageEvent => ({ type: event.type, data: event }))),
          interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: LiveStreamSignal.Ping, data: {} }))),
        ),
      ),
    );
    return this.presence.track(principal, stream);
  }
}
