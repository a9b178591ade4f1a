import type { IncomingMessage } from 'node:http';
import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { LegalHoldService } from '@civic/audit';
import { AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { UserRole } from '@civic/domain';
import { LegalHoldResponse } from './legal-hold.response';
import { PlaceLegalHoldDto } from './place-legal-hold.dto';
import { requestIdOf } from './request-id';

/** Legal hold keeps a conversation out of retention runs and erasure requests. */
@ApiTags('retention')
@ApiBearerAuth()
@Controller('api/v1/conversations/:id/legal-hold')
export class LegalHoldController {
  constructor(private readonly holds: LegalHoldService) {}

  @Post()
  @Roles(UserRole.Admin)
  @ApiCreatedResponse({ type: LegalHoldResponse })
  async place(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: PlaceLegalHoldDto,
    @Req() req: IncomingMessage,
  ) {
    const hold = await this.holds.placeHold(principal.organizationId, id, body.reason.trim(), {
      userId: principal.userId,
      label: principal.email,
      requestId: requestIdOf(req),
    });
    return {
      conversationId: hold.conversationId,
      reason: hold.reason,
      placedByUserId: hold.placedByUserId,
      placedAt: hold.placedAt,
    };
  }

  @Delete()
  @HttpCode(204)
  @Roles(UserRole.Admin)
  @ApiNoContentResponse()
  async release(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: IncomingMessage,
  ): Promise<void> {
    await this.holds.releaseHold(principal.organizationId, id, {
      userId: principal.userId,
      label: principal.email,
      requestId: requestIdOf(req),
    });
  }
}
