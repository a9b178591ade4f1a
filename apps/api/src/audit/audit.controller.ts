import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuditService, AuditTrailReader, SigningKeyService } from '@civic/audit';
import { AuthPrincipal, CurrentPrincipal, Public, Roles } from '@civic/auth';
import { UserRole } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { AuditActorResponse } from './audit-actor.response';
import { AuditChainReportResponse } from './audit-chain-report.response';
import { AuditEventPageResponse } from './audit-event-page.response';
import { ListAuditEventsDto } from './list-audit-events.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly trail: AuditTrailReader,
    private readonly signingKey: SigningKeyService,
  ) {}

  @Get('events')
  @Roles(UserRole.Auditor, UserRole.Admin)
  @ApiOperation({
    summary: 'The trail, newest first: actors, targets and the ids in before/after resolved to names, one query a page',
  })
  @ApiOkResponse({ type: AuditEventPageResponse })
  list(@CurrentPrincipal() principal: AuthPrincipal, @Query() query: ListAuditEventsDto) {
    const [targetType, targetId] = query.target?.includes(':')
      ? query.target.split(/:(.*)/s, 2)
      : [query.targetType, query.target];
    if (query.targetType && targetType !== query.targetType) {
      throw new DomainError(ErrorCode.ValidationFailed, {
        errors: ['"targetType" and the type in "target" name different kinds of record'],
      });
    }
    if (query.from && query.to && !(new Date(query.from) < new Date(query.to))) {
      throw new DomainError(ErrorCode.ValidationFailed, { errors: ['"from" must be before "to"'] });
    }
    return this.trail.page(principal.organizationId, {
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      action: query.action,
      actor: query.actor,
      targetType,
      targetId,
      before: query.cursor,
      limit: query.limit,
    });
  }

  /** The organization's users for the trail's "who" filter (auditors may not list users otherwise). */
  @Get('actors')
  @Roles(UserRole.Auditor, UserRole.Admin)
  @ApiOkResponse({ type: [AuditActorResponse] })
  actors(@CurrentPrincipal() principal: AuthPrincipal) {
    return this.trail.actors(principal.organizationId);
  }

  @Get('verify')
  @Roles(UserRole.Auditor, UserRole.Admin)
  @ApiOkResponse({ type: AuditChainReportResponse })
  async verify(@CurrentPrincipal() principal: AuthPrincipal) {
    const { ok, checked, firstBrokenEventId, firstBrokenSeq, reason, head } = await this.audit.verify(
      principal.organizationId,
    );
    return { ok, checked, head, firstBrokenEventId, firstBrokenSeq, reason };
  }

  /** Public on purpose: anyone holding a bundle must be able to check its signature. */
  @Get('public-key')
  @Public()
  @Header('Content-Type', 'application/x-pem-file')
  @ApiProduces('application/x-pem-file')
  @ApiOkResponse({
    description: 'The Ed25519 public key (PEM) that verifies signed exports',
    schema: { type: 'string' },
  })
  publicKey() {
    return this.signingKey.publicKeyPem();
  }
}
