import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditService } from '@civic/audit';
import { AllowedDuringEnrolment, AuthPrincipal, CurrentPrincipal, SelfService, SessionService } from '@civic/auth';
import { SessionResponse } from './session.response';

/** The signed-in user's own sessions (devices): list them, end any of them. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/v1/auth/sessions')
@SelfService()
export class SessionsController {
  constructor(
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  @AllowedDuringEnrolment()
  @Get()
  @ApiOkResponse({ type: [SessionResponse] })
  list(@CurrentPrincipal() principal: AuthPrincipal) {
    return this.sessions.list(principal.userId, principal.sessionId);
  }

  /** Its refresh token stops at once, and so do its access tokens (they carry the session id). */
  @AllowedDuringEnrolment()
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async end(@CurrentPrincipal() principal: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string) {
    const session = await this.sessions.end(principal.userId, id);
    await this.audit.record({
      organizationId: principal.organizationId,
      actorUserId: principal.userId,
      action: 'auth.session.ended',
      targetType: 'user',
      targetId: principal.userId,
      after: {
        sessionId: session.id,
        ip: session.ip,
        userAgent: session.userAgent,
        own: session.id === principal.sessionId,
      },
    });
  }
}
