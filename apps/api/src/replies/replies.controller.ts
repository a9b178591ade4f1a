import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Post, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { ReplyRefusedError } from '@civic/channels-core';
import { UserRole } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { ReplyDraftService, ReplyDraftView, ReplyResponse } from '@civic/replies';
import { ConversationAccessGuard } from '../inbox/conversation-access.guard';
import { isReplyApprover } from './reply-approver';
import { ReplyDraftResponse } from './reply-draft.response';
import { SendReplyDto } from './send-reply.dto';
import { SentReplyResponse } from './sent-reply.response';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,200}$/;

@ApiTags('replies')
@ApiBearerAuth()
@Controller('api/v1/conversations/:id/replies')
@UseGuards(ConversationAccessGuard)
export class RepliesController {
  constructor(private readonly drafts: ReplyDraftService) {}

  /**
   * Queue a reply on the conversation's own channel, account and thread; on an account whose replies
   * need approval an officer's reply is held instead (202 with the draft).
   */
  @Post()
  @HttpCode(201)
  @Roles(UserRole.Admin, UserRole.Officer)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Repeat a request safely: the same key returns the same reply',
  })
  @ApiCreatedResponse({ type: SentReplyResponse })
  @ApiAcceptedResponse({ type: ReplyDraftResponse, description: 'Held for approval' })
  async send(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', new ParseUUIDPipe()) conversationId: string,
    @Body() body: SendReplyDto,
    @Res({ passthrough: true }) response: Response,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ReplyResponse | ReplyDraftView> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new DomainError(ErrorCode.ValidationFailed, {
        errors: ['Idempotency-Key must be 1-200 characters of letters, digits, _ . : -'],
      });
    }
    try {
      const submitted = await this.drafts.submit(
        {
          userId: principal.userId,
          organizationId: principal.organizationId,
          approver: isReplyApprover(principal.roles),
        },
        conversationId,
        body,
        idempotencyKey,
      );
      if (submitted.held) {
        response.status(202);
        return submitted.draft;
      }
      return submitted.reply;
    } catch (error) {
      if (error instanceof ReplyRefusedError) {
        throw new DomainError(ErrorCode.ReplyRefused, { reason: error.reason, channelMessage: error.message });
      }
      throw error;
    }
  }
}
