import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuditService, SigningKeyService } from '@civic/audit';
import { AuthPrincipal, CurrentPrincipal, Public, Roles } from '@civic/auth';
import { UserRole } from '@civic/domain';
import { AuditChainReportResponse } from './audit-chain-report.response';
import { AuditEventPageResponse } from './audit-event-page.response';
import { ListAuditEventsDto } from './list-audit-events.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly signingKey: SigningKeyService,
  ) {}

  @Get('events')
  @Roles(UserRole.Auditor, UserRole.Admin)
  @ApiOkResponse({ type: AuditEventPageResponse })
  list(@CurrentPrincipal() principal: AuthPrincipal, @Query() query: ListAuditEventsDto) {
    const [targetType, targetId] = query.target?.includes(':')
      ? query.target.split(/:(.*)/s, 2)
      : [undefined, query.target];
    return this.audit.list(principal.organizationId, {
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
