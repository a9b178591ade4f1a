import {
  Controller,
  Get,
  HttpCode,
  Param,
  ParseBoolPipe,
  ParseUUIDPipe,
  Post,
  Query,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { MB } from '@civic/channels-core';
import { UserRole } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { IncomingFile, ReplyUploadService, ReplyUploadView } from '@civic/replies';
import { ConversationAccessGuard } from '../inbox/conversation-access.guard';
import { ReplyMediaLimitsResponse, ReplyUploadResponse } from './reply-upload.response';

/** The largest file any channel takes (a WhatsApp document); each channel's own limit is checked after. */
const LARGEST_FILE = 100 * MB;

/**
 * Files for replies: the channel's limits for the picker, and the upload itself, checked against the
 * conversation's channel before anything is stored. A reply then names the upload in attachmentIds.
 */
@ApiTags('replies')
@ApiBearerAuth()
@Controller('api/v1/conversations/:id/reply-attachments')
@UseGuards(ConversationAccessGuard)
export class ReplyAttachmentsController {
  constructor(private readonly uploads: ReplyUploadService) {}

  @Get('limits')
  @Roles(UserRole.Admin, UserRole.Officer)
  @ApiQuery({ name: 'privateReply', required: false, type: Boolean })
  @ApiOkResponse({ type: ReplyMediaLimitsResponse })
  async limits(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', new ParseUUIDPipe()) conversationId: string,
    @Query('privateReply', new ParseBoolPipe({ optional: true })) privateReply?: boolean,
  ): Promise<ReplyMediaLimitsResponse> {
    try {
      const policy = await this.uploads.policyFor(principal.organizationId, conversationId, privateReply ?? false);
      return {
        allowed: true,
        rules: policy.rules.map((r) => ({ type: r.type, mimeTypes: [...r.mimeTypes], maxBytes: r.maxBytes })),
        maxCount: policy.maxCount,
        refusal: null,
      };
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.ReplyAttachmentNotAllowed) {
        return { allowed: false, rules: [], maxCount: 0, refusal: String(error.details?.reason ?? '') || null };
      }
      if (error instanceof DomainError && error.code === ErrorCode.ReplyAttachmentNeedsPublicUrl) {
        return { allowed: false, rules: [], maxCount: 0, refusal: 'PUBLIC_URL is not set' };
      }
      throw error;
    }
  }

  /** multipart/form-data with one `file`. */
  @Post()
  @HttpCode(201)
  @Roles(UserRole.Admin, UserRole.Officer)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: LARGEST_FILE, files: 1, fields: 2 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiQuery({ name: 'privateReply', required: false, type: Boolean })
  @ApiCreatedResponse({ type: ReplyUploadResponse })
  async upload(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', new ParseUUIDPipe()) conversationId: string,
    @UploadedFile() file: IncomingFile | undefined,
    @Query('privateReply', new ParseBoolPipe({ optional: true })) privateReply?: boolean,
  ): Promise<ReplyUploadView> {
    // The conversation first: another organization's or an ungranted one answers 404, whatever was sent.
    await this.uploads.policyFor(principal.organizationId, conversationId, privateReply ?? false);
    if (!file?.buffer?.length) {
      throw new DomainError(ErrorCode.ValidationFailed, { errors: ['file is required (multipart/form-data)'] });
    }
    return this.uploads.upload(
      { userId: principal.userId, organizationId: principal.organizationId },
      conversationId,
      file,
      privateReply ?? false,
    );
  }
}
