import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountScope, AuthPrincipal, CurrentPrincipal, CurrentScope, Roles, Scoped } from '@civic/auth';
import { ReplyRefusedError } from '@civic/channels-core';
import { UserRole } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { ReplyDraftService, ReplyDraftView } from '@civic/replies';
import { REPLY_APPROVER_ROLES } from './reply-approver';
import { EditReplyDraftDto, ListReplyDraftsQuery, ReturnReplyDraftDto } from './reply-draft.dto';
import { ReplyDraftResponse } from './reply-draft.response';

const READERS = [UserRole.Admin, UserRole.Officer, UserRole.MayorOffice, UserRole.Auditor];

/** Reply approval (issue 26): held replies, their approval, return with a comment, and resubmission. */
@ApiTags('replies')
@ApiBearerAuth()
@Controller('api/v1/reply-drafts')
@Scoped()
export class ReplyDraftsController {
  constructor(private readonly drafts: ReplyDraftService) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: [ReplyDraftResponse] })
  list(@CurrentScope() scope: AccountScope, @Query() query: ListReplyDraftsQuery): Promise<ReplyDraftView[]> {
    return this.drafts.list(scope, query);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: ReplyDraftResponse })
  get(@CurrentScope() scope: AccountScope, @Param('id', ParseUUIDPipe) id: string): Promise<ReplyDraftView> {
    return this.drafts.get(scope, id);
  }

  /** Sends the draft (with the approver's edit, if any) through the normal outbox; 409 once it is not pending. */
  @Post(':id/approve')
  @HttpCode(200)
  @Roles(...REPLY_APPROVER_ROLES)
  @ApiOkResponse({ type: ReplyDraftResponse })
  async approve(
    @CurrentPrincipal() principal: AuthPrincipal,
    @CurrentScope() scope: AccountScope,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: EditReplyDraftDto,
  ): Promise<ReplyDraftView> {
    await this.drafts.get(scope, id);
    try {
      return await this.drafts.approve(principal, id, body.text);
    } catch (error) {
      if (error instanceof ReplyRefusedError) {
        throw new DomainError(ErrorCode.ReplyRefused, { reason: error.reason, channelMessage: error.message });
      }
      throw error;
    }
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles(...REPLY_APPROVER_ROLES)
  @ApiOkResponse({ type: ReplyDraftResponse })
  async returnToAuthor(
    @CurrentPrincipal() principal: AuthPrincipal,
    @CurrentScope() scope: AccountScope,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReturnReplyDraftDto,
  ): Promise<ReplyDraftView> {
    await this.drafts.get(scope, id);
    return this.drafts.returnToAuthor(principal, id, body.comment.trim());
  }

  /** The author sends a returned draft (edited or not) for approval again. */
  @Post(':id/resubmit')
  @HttpCode(200)
  @Roles(UserRole.Admin, UserRole.Officer)
  @ApiOkResponse({ type: ReplyDraftResponse })
  async resubmit(
    @CurrentPrincipal() principal: AuthPrincipal,
    @CurrentScope() scope: AccountScope,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: EditReplyDraftDto,
  ): Promise<ReplyDraftView> {
    await this.drafts.get(scope, id);
    return this.drafts.resubmit(principal, id, body.text);
  }
}
