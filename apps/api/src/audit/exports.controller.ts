import { createReadStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuditService, ExportService } from '@civic/audit';
import { AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { ExportJob, UserRole } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { CreateExportDto } from './create-export.dto';
import { ExportJobResponse } from './export-job.response';

@ApiTags('exports')
@ApiBearerAuth()
@Controller('api/v1/exports')
export class ExportsController {
  constructor(
    private readonly exports: ExportService,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @Roles(UserRole.Auditor, UserRole.Admin)
  @ApiCreatedResponse({ type: ExportJobResponse })
  async create(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Body() body: CreateExportDto,
    @Req() req: IncomingMessage,
  ) {
    if (!(new Date(body.from) < new Date(body.to))) {
      throw new DomainError(ErrorCode.ValidationFailed, { errors: ['"from" must be before "to"'] });
    }
    const job = await this.exports.request(
      {
        userId: principal.userId,
        organizationId: principal.organizationId,
        label: principal.email,
        requestId: requestIdOf(req),
      },
      {
        from: new Date(body.from).toISOString(),
        to: new Date(body.to).toISOString(),
        channel: body.channel ?? null,
        accountId: body.accountId ?? null,
        conversationId: body.conversationId ?? null,
        contactId: body.contactId ?? null,
        formats: body.formats,
      },
    );
    return present(job);
  }

  @Get(':id')
  @Roles(UserRole.Auditor, UserRole.Admin)
  @ApiOkResponse({ type: ExportJobResponse })
  async get(@CurrentPrincipal() principal: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string) {
    return present(await this.exports.get(principal.organizationId, id));
  }

  @Get(':id/download')
  @Roles(UserRole.Auditor, UserRole.Admin)
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'The signed bundle (zip)', schema: { type: 'string', format: 'binary' } })
  async download(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: IncomingMessage,
  ): Promise<StreamableFile> {
    const job = await this.exports.get(principal.organizationId, id);
    const path = this.exports.bundlePath(job);
    // Every copy that leaves the system is on the record, not only the export itself.
    await this.audit.record({
      organizationId: principal.organizationId,
      actorUserId: principal.userId,
      actorLabel: principal.email,
      action: 'export.downloaded',
      targetType: 'export',
      targetId: job.id,
      requestId: requestIdOf(req),
    });
    return new StreamableFile(createReadStream(path), {
      type: 'application/zip',
      disposition: `attachment; filename="civic-inbox-export-${job.id}.zip"`,
      length: job.fileSize ? Number(job.fileSize) : undefined,
    });
  }
}

function requestIdOf(req: IncomingMessage): string | null {
  const id = (req as IncomingMessage & { id?: unknown }).id ?? req.headers['x-request-id'];
  return id === undefined || id === null ? null : String(id);
}

function present(job: ExportJob) {
  const progress = job.totalMessages
    ? Math.min(1, job.processedMessages / job.totalMessages)
    : job.status === 'completed'
      ? 1
      : 0;
  return {
    id: job.id,
    status: job.status,
    query: job.query,
    processedMessages: job.processedMessages,
    totalMessages: job.totalMessages,
    progress,
    fileSize: job.fileSize === null ? null : Number(job.fileSize),
    manifestSha256: job.manifestSha256,
    error: job.error,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
    downloadUrl: job.status === 'completed' ? `/api/v1/exports/${job.id}/download` : null,
  };
}
