import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditService, SigningKeyService } from '@civic/audit';
import { AuthPrincipal, CurrentPrincipal, Public, Roles } from '@civic/auth';
import { UserRole } from '@civic/domain';
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
  list(@CurrentPrincipal() principal: AuthPrincipal, @Query() query: ListAuditEventsDto) {
    const [targetType, targetId] = query.target?.includes(':') ? query.target.split(/:(.*)/s, 2) : [undefined, query.target];
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
  async verify(@CurrentPrincipal() principal: AuthPrincipal) {
    const { ok, checked, firstBrokenEventId, firstBrokenSeq, reason, head } = await this.audit.verify(principal.organizationId);
    return { ok, checked, head, firstBrokenEventId, firstBrokenSeq, reason };
  }

  /** Public on purpose: anyone holding a bundle must be able to check its signature. */
  @Get('public-key')
  @Public()
  @Header('Content-Type', 'application/x-pem-file')
  publicKey() {
    return this.signingKey.publicKeyPem();
  }
}
