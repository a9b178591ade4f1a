import { createReadStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ContactDataExportService } from '@civic/audit';
import { AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { UserRole } from '@civic/domain';
import { requestIdOf } from '../retention/request-id';

/** A citizen's KVKK access request (Article 11): a signed ZIP of everything held about one contact. */
@ApiTags('retention')
@ApiBearerAuth()
@Controller('api/v1/contacts/:id/data-export')
export class ContactDataExportController {
  constructor(private readonly exports: ContactDataExportService) {}

  @Post()
  @HttpCode(200)
  @Roles(UserRole.Admin)
  @ApiOperation({
    summary:
      'Signed ZIP (manifest.json + manifest.sig, verifiable with export:verify) of everything held about the contact and its linked identities',
  })
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'The signed bundle (zip)', schema: { type: 'string', format: 'binary' } })
  async export(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: IncomingMessage,
  ): Promise<StreamableFile> {
    const bundle = await this.exports.export(
      {
        userId: principal.userId,
        organizationId: principal.organizationId,
        label: principal.email,
        requestId: requestIdOf(req),
      },
      id,
    );
    // The bundle is personal data: it is not kept on disk once sent (or the download broke off).
    const stream = createReadStream(bundle.path);
    stream.once('close', () => void bundle.dispose());
    return new StreamableFile(stream, {
      type: 'application/zip',
      disposition: `attachment; filename="civic-inbox-contact-${id}-${bundle.exportId}.zip"`,
      length: bundle.size,
    });
  }
}
