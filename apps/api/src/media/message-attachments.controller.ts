import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccountAccessService, AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { Message, UserRole } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { MediaStore } from '@civic/media';

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
    @InjectRepository(Message) private readonly messages: Repository<Message>,
    private readonly store: MediaStore,
    private readonly access: AccountAccessService,
  ) {}

  @Get(':id/attachments/:index')
  @Roles(UserRole.Admin, UserRole.Officer, UserRole.MayorOffice, UserRole.Auditor)
  @ApiOkResponse({ description: 'The stored file, with its content type', schema: { type: 'string', format: 'binary' } })
  async download(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('index', ParseIntPipe) index: number,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<StreamableFile> {
    const message = await this.messages.findOne({ where: { id, organizationId: principal.organizationId }, select: ['id', 'channelAccountId', 'attachments'] });
    const visible = message !== null && (await this.access.canAccess(principal, message.channelAccountId));
    const attachment = visible ? message.attachments?.[index] : undefined;
    if (!attachment) {throw new DomainError(ErrorCode.AttachmentNotFound, { messageId: id, index });}
    if (!attachment.storageKey) {
      throw new DomainError(ErrorCode.AttachmentNotStored, { messageId: id, index, state: attachment.downloadState ?? 'no media' });
    }
    const path = this.store.pathOrNull(attachment.storageKey);
    if (!path || !(await stat(path).then((s) => s.isFile(), () => false))) {throw new DomainError(ErrorCode.AttachmentMissingOnDisk, { messageId: id, index });}
    res.setHeader('Content-Type', attachment.mimeType ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'private, max-age=3600');
    if (attachment.fileName) {res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`);}
    return new StreamableFile(createReadStream(path));
  }
}
