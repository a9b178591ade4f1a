import { Controller, MessageEvent, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Observable, concatMap, from, interval, map, merge, switchMap } from 'rxjs';
import { AccountAccessService, AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { UserRole } from '@civic/domain';
import { LiveEvent, LiveEventName, LiveEventsHub, LiveStreamSignal } from '@civic/live-events';
import { PresenceService } from '@civic/teams';

/** Keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;
/** A stream reads the officer's account grants again after this long (presence events are filtered by them). */
const GRANTS_TTL_MS = 15_000;

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('api/v1/events')
export class LiveEventsController {
  constructor(
    private readonly hub: LiveEventsHub,
    private readonly presence: PresenceService,
    private readonly access: AccountAccessService,
  ) {}

  @Sse()
  @Roles(UserRole.Admin, UserRole.Officer, UserRole.MayorOffice, UserRole.Auditor)
  @ApiOperation({
    summary: 'Server-sent events: new messages, status, assignment, tags, notes (EventSource may pass ?access_token=)',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description:
      'Events named by type (conversations.changed, conversation.updated, conversation.presence, ready, ping); data is JSON',
    schema: { type: 'string' },
  })
  stream(@CurrentPrincipal() principal: AuthPrincipal): Observable<MessageEvent> {
    // Who views or types in a conversation goes only to others who may see its channel account.
    let grants: { ids: Promise<string[] | null>; until: number } | null = null;
    const mayHear = async (event: LiveEvent): Promise<boolean> => {
      if (event.type !== LiveEventName.ConversationPresence) {
        return true;
      }
      if (event.userId === principal.userId) {
        return false;
      }
      if (!grants || grants.until < Date.now()) {
        grants = { ids: this.access.accessibleAccountIds(principal), until: Date.now() + GRANTS_TTL_MS };
      }
      const ids = await grants.ids.catch((): string[] => []);
      return ids === null || ids.includes(event.channelAccountId);
    };
    // An open stream is the officer's presence in the web inbox (team round robin).
    const stream = from(this.hub.subscribe(principal.organizationId)).pipe(
      switchMap((events) =>
        merge(
          from([{ type: LiveStreamSignal.Ready, data: { organizationId: principal.organizationId } } as MessageEvent]),
          events.pipe(
            concatMap(async (event) => ((await mayHear(event)) ? [event] : [])),
            concatMap((kept) => kept),
            map((event): MessageEvent => ({ type: event.type, data: event })),
          ),
          interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: LiveStreamSignal.Ping, data: {} }))),
        ),
      ),
    );
    return this.presence.track(principal, stream);
  }
}
