import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@civic/auth';
import { MediaLinkSigner } from '@civic/media';
import { AttachmentFileReader } from './attachment-file.reader';
import { sizeOf } from './message-attachments.controller';

/**
 * A signed media link (from a thread's `mediaUrl` or .../attachments/:index/link): no bearer header,
 * the signature is the permission. It names one file of one organization and expires within ten
 * minutes; a forged, altered or expired link answers 403 with media_link.invalid or media_link.expired.
 */
@ApiTags('media')
@Controller('api/v1/media')
export class SignedMediaController {
  constructor(
    private readonly links: MediaLinkSigner,
    private readonly files: AttachmentFileReader,
  ) {}

  @Get(':token')
  @Public()
  @ApiOperation({ summary: 'The stored file a signed link names' })
  @ApiOkResponse({
    description: 'The stored file, with its content type; a photo as its display copy (JPEG, no EXIF) or thumbnail (WebP)',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiForbiddenResponse({ description: 'media_link.invalid or media_link.expired' })
  @ApiQuery({ name: 'size', required: false, enum: ['display', 'thumb'], description: 'For photos: thumb = 320 px thumbnail' })
  async serve(@Param('token') token: string, @Res() res: Response, @Query('size') size?: string): Promise<void> {
    const now = Date.now();
    const link = this.links.verify(token, now);
    // Kept by the browser no longer than the link lives, and never by a shared cache.
    const maxAge = Math.max(0, Math.floor((link.expiresAt.getTime() - now) / 1000));
    await this.files.send(link, res, `private, max-age=${maxAge}`, sizeOf(size));
  }
}
