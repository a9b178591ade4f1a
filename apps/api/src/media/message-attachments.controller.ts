import { Controller, Get, NotFoundException, Param, ParseIntPipe, ParseUUIDPipe, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { Repository } from 'typeorm';
import { AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { Message, UserRole } from '@civic/domain';
import { MediaStore } from '@civic/media';

/** Serves stored copies of channel media to signed-in users of the message's organization only. */
@ApiTags('media')
@ApiBearerAuth()
@Controller('api/v1/messages')
export class MessageAttachmentsController {
  constructor(
    @InjectRepository(Message) private readonly messages: Repository<Message>,
    private readonly store: MediaStore,
  ) {}

  @Get(':id/attachments/:index')
  @Roles(UserRole.Admin, UserRole.Officer, UserRole.MayorOffice, UserRole.Auditor)
  async download(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('index', ParseIntPipe) index: number,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<StreamableFile> {
    const message = await this.messages.findOne({ where: { id, organizationId: principal.organizationId }, select: ['id', 'attachments'] });
    const attachment = message?.attachments?.[index];
    if (!attachment) throw new NotFoundException(`Attachment ${index} of message ${id} not found`);
    if (!attachment.storageKey) {
      throw new NotFoundException(`Attachment ${index} of message ${id} is not stored (${attachment.downloadState ?? 'no media'})`);
    }
    res.setHeader('Content-Type', attachment.mimeType ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'private, max-age=3600');
    if (attachment.fileName) res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`);
    return new StreamableFile(createReadStream(this.store.pathOf(attachment.storageKey)));
  }
}
