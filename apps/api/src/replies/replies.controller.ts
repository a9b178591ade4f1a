import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { ReplyRefusedError } from '@civic/channels-core';
import { UserRole } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { ReplyResponse, ReplyService } from '@civic/replies';
import { ConversationAccessGuard } from '../inbox/conversation-access.guard';
import { SendReplyDto } from './send-reply.dto';
import { SentReplyResponse } from './sent-reply.response';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,200}$/;

@ApiTags('replies')
@ApiBearerAuth()
@Controller('api/v1/conversations/:id/replies')
@UseGuards(ConversationAccessGuard)
export class RepliesController {
  constructor(private readonly replies: ReplyService) {}

  /** Queue a reply on the conversation's own channel, account and thread. */
  @Post()
  @HttpCode(201)
  @Roles(UserRole.Admin, UserRole.Officer)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Repeat a request safely: the same key returns the same reply',
  })
  @ApiCreatedResponse({ type: SentReplyResponse })
  async send(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', new ParseUUIDPipe()) conversationId: string,
    @Body() body: SendReplyDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ReplyResponse> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new DomainError(ErrorCode.ValidationFailed, {
        errors: ['Idempotency-Key must be 1-200 characters of letters, digits, _ . : -'],
      });
    }
    try {
      return await this.replies.reply(
        { userId: principal.userId, organizationId: principal.organizationId },
        conversationId,
        body,
        idempotencyKey,
      );
    } catch (error) {
      if (error instanceof ReplyRefusedError) {
        throw new DomainError(ErrorCode.ReplyRefused, { reason: error.reason, channelMessage: error.message });
      }
      throw error;
    }
  }
}
