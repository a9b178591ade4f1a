import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@civic/auth';
import { CASE_SIGNATURE_HEADER, CaseInboundService, DepartmentsService, verifyCaseSignature } from '@civic/cases';
import { DomainError, ErrorCode } from '@civic/errors';
import type { WebhookRequest } from '../webhooks/webhook-request';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Updates from external bodies about cases forwarded to them. The body signs the raw request
 * with its shared secret (X-Civic-Signature: sha256=<hex>); the signature is checked on the raw
 * bytes before the content is looked at. Unknown bodies get the same 401 as bad signatures.
 */
@ApiExcludeController()
@Controller('webhooks/cases')
export class CaseWebhookController {
  constructor(
    private readonly departments: DepartmentsService,
    private readonly inbound: CaseInboundService,
  ) {}

  @Public()
  @Post(':bodyId')
  @HttpCode(200)
  async receive(@Param('bodyId') bodyId: string, @Req() req: WebhookRequest) {
    const body = UUID.test(bodyId) ? await this.departments.webhookSecret(null, bodyId) : null;
    if (
      !body?.secret ||
      !req.rawBody ||
      !verifyCaseSignature(req.rawBody, req.headers[CASE_SIGNATURE_HEADER], body.secret)
    ) {
      throw new DomainError(ErrorCode.WebhookSignatureInvalid, { header: 'X-Civic-Signature' });
    }
    const update = this.inbound.parse(req.body);
    return this.inbound.apply({ id: bodyId, organizationId: body.organizationId, name: body.name }, update);
  }
}
