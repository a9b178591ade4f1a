import { Controller, Get, Param, Query, ParseIntPipe, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AccountAccessService, AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { UserRole } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { MediaLinkSigner } from '@civic/media';
import { AttachmentFileReader, AttachmentSize } from './attachment-file.reader';
import { MediaLinkResponse } from './media-link.response';

const READERS = [UserRole.Admin, UserRole.Officer, UserRole.MayorOffice, UserRole.Auditor];

/**
 * Serves stored copies of channel media only to users who may see the conversation: same
 * organization and, for an officer limited by account grants, a granted channel account. Anything
 * else answers 404, like a message that does not exist.
 */
@ApiTags('media')
@ApiBearerAuth()
@Controller('api/v1/messages')
export class MessageAttachmentsController {
  constructor(
    private readonly files: AttachmentFileReader,
    private readonly access: AccountAccessService,
    private readonly links: MediaLinkSigner,
  ) {}

  @Get(':id/attachments/:index')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The stored file (for API clients; browsers use the signed link)' })
  @ApiOkResponse({
    description: 'The stored file, with its content type; a photo as its display copy (JPEG, no EXIF) or thumbnail (WebP)',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiQuery({ name: 'size', required: false, enum: ['display', 'thumb'], description: 'For photos: thumb = 320 px thumbnail' })
  async download(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('index', ParseIntPipe) index: number,
    @Res() res: Response,
    @Query('size') size?: string,
  ): Promise<void> {
    await this.requireVisible(principal, id, index);
    await this.files.send(
      { organizationId: principal.organizationId, messageId: id, index },
      res,
      'private, max-age=3600',
      sizeOf(size),
    );
  }

  @Get(':id/attachments/:index/link')
  @Roles(...READERS)
  @ApiOperation({ summary: 'A signed link to the stored file, valid 5–10 minutes, that needs no bearer header' })
  @ApiOkResponse({ type: MediaLinkResponse })
  async link(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('index', ParseIntPipe) index: number,
  ): Promise<MediaLinkResponse> {
    await this.requireVisible(principal, id, index);
    const { url, expiresAt } = this.links.sign({ organizationId: principal.organizationId, messageId: id, index });
    return { url, expiresAt: expiresAt.toISOString() };
  }

  private async requireVisible(principal: AuthPrincipal, messageId: string, index: number): Promise<void> {
    const accountId = await this.files.accountOf({ organizationId: principal.organizationId, messageId });
    if (accountId === null || !(await this.access.canAccess(principal, accountId))) {
      throw new DomainError(ErrorCode.AttachmentNotFound, { messageId, index });
    }
  }
}

/** `?size=thumb` asks for a photo's thumbnail; anything else means the display copy. */
export const sizeOf = (size: string | undefined): AttachmentSize => (size === 'thumb' ? 'thumb' : 'display');
