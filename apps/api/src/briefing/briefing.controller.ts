import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AccountScope, CurrentScope, Roles, Scoped } from '@civic/auth';
import { UserRole } from '@civic/domain';
import { BriefingPdfWriter } from './briefing-pdf.writer';
import { BriefingQuery } from './briefing.query';
import { BriefingResponse } from './briefing.response';
import { BriefingService } from './briefing.service';

/**
 * The mayor's briefing (bilgi notu) before a neighbourhood visit: for the mayor's office and administrators,
 * who read the whole organization; an officer answers citizens and has the case statistics for the rest.
 */
@ApiTags('briefing')
@ApiBearerAuth()
@Controller('api/v1')
@Scoped()
export class BriefingController {
  constructor(private readonly briefing: BriefingService) {}

  @Get('briefing')
  @Roles(UserRole.Admin, UserRole.MayorOffice)
  @ApiOperation({
    summary:
      'A neighbourhood (or the whole district) over local days: received, resolved, top categories, late open requests, satisfaction, mentions, map; against the previous period of the same length. No citizen data.',
  })
  @ApiOkResponse({ type: BriefingResponse })
  get(@CurrentScope() scope: AccountScope, @Query() query: BriefingQuery) {
    return this.briefing.briefing(scope, query);
  }

  @Get('briefing.pdf')
  @Roles(UserRole.Admin, UserRole.MayorOffice)
  @Header('Content-Type', 'application/pdf')
  @ApiOperation({ summary: 'The same briefing as a printable A4 PDF in Turkish' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async pdf(@CurrentScope() scope: AccountScope, @Query() query: BriefingQuery) {
    const view = await this.briefing.briefing(scope, query);
    const pdf = await new BriefingPdfWriter(view).render();
    const place = view.neighbourhood ? asciiName(view.neighbourhood.name) : 'ilce';
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="bilgi-notu-${place}-${view.period.from}-${view.period.to}.pdf"`,
    });
  }
}

/** A file name without Turkish letters or spaces (old mail clients and Windows shares). */
function asciiName(name: string): string {
  const folded = name
    .replace(/[İI]/g, 'i')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return folded || 'mahalle';
}
