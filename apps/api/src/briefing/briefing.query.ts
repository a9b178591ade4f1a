import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** GET /api/v1/briefing(.pdf): a neighbourhood (or the whole district) and local days, both ends included. */
export class BriefingQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A neighbourhood of the active boundaries; without it, the whole district',
  })
  @IsOptional()
  @IsUUID('all', { message: 'neighbourhoodId must be a UUID' })
  neighbourhoodId?: string;

  @ApiPropertyOptional({
    example: '2026-11-01',
    description: 'First local day (YYYY-MM-DD); default: 29 days before to',
  })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a day written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be a real calendar day' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Last local day, included (YYYY-MM-DD); default: today' })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a day written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to must be a real calendar day' })
  to?: string;
}
