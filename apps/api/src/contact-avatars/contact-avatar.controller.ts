import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { Controller, Get, Param, ParseUUIDPipe, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AccountAccessService, AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { UserRole } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { MediaStore } from '@civic/media';

const READERS = [UserRole.Admin, UserRole.Officer, UserRole.MayorOffice, UserRole.Auditor];
/** Pictures are stored by content: a changed picture is a new row value, so the browser may keep one a day. */
const CACHE = 'private, max-age=86400';
const IMAGE = /^image\/(jpeg|png|gif|webp)$/;

/**
 * A citizen's profile picture as we stored it (Meta's `profile_pic` URL expires and would tell Meta who
 * looks at the inbox). Visible to whoever may see the contact's account; anything else answers 404.
 */
@ApiTags('inbox')
@ApiBearerAuth()
@Controller('api/v1/contacts')
export class ContactAvatarController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccountAccessService,
    private readonly store: MediaStore,
  ) {}

  @Get(':id/avatar')
  @Roles(...READERS)
  @ApiOperation({ summary: "The contact's profile picture, fetched from the channel and stored by us" })
  @ApiOkResponse({ description: 'The picture', schema: { type: 'string', format: 'binary' } })
  async avatar(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<StreamableFile> {
    const [row]: { channel_account_id: string; avatar_storage_key: string | null; avatar_mime_type: string | null }[] =
      await this.dataSource.query(
        `SELECT channel_account_id, avatar_storage_key, avatar_mime_type FROM contact WHERE id = $1 AND organization_id = $2`,
        [id, principal.organizationId],
      );
    if (!row || !(await this.access.canAccess(principal, row.channel_account_id))) {
      throw new DomainError(ErrorCode.ContactNotFound, { id });
    }
    const path = row.avatar_storage_key ? this.store.pathOrNull(row.avatar_storage_key) : null;
    if (
      !path ||
      !(await stat(path).then(
        (s) => s.isFile(),
        () => false,
      ))
    ) {
      throw new DomainError(ErrorCode.ContactAvatarNotFound, { id });
    }
    // Only a picture type is shown inline; anything else claimed by the channel is served as bytes, never rendered.
    const type =
      row.avatar_mime_type && IMAGE.test(row.avatar_mime_type) ? row.avatar_mime_type : 'application/octet-stream';
    res.setHeader('Content-Type', type);
    res.setHeader('Cache-Control', CACHE);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(createReadStream(path));
  }
}
