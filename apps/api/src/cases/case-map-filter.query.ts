import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDate, IsEnum, IsOptional, IsUUID } from 'class-validator';
import type { CaseMapFilter } from '@civic/cases';
import { CaseSource, CaseStatus, Channel } from '@civic/domain';

const list = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);

/** GET /api/v1/cases/map/neighbourhoods: the case list's filters that make sense on a map. */
export class CaseMapFilterQuery {
  @ApiPropertyOptional({ description: 'Comma-separated statuses (default: all but merged)', example: 'new,assigned' })
  @IsOptional()
  @Transform(list)
  @IsEnum(CaseStatus, {
    each: true,
    message: `status must be a comma-separated list of: ${Object.values(CaseStatus).join(', ')}`,
  })
  status?: CaseStatus[];

  @ApiPropertyOptional() @IsOptional() @IsUUID() categoryId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() departmentId?: string;
  @ApiPropertyOptional({ description: 'Cases of this neighbourhood (GET /api/v1/neighbourhoods)' })
  @IsOptional()
  @IsUUID()
  neighbourhoodId?: string;

  @ApiPropertyOptional({ description: 'Comma-separated sources (how the case arrived)', example: 'phone,open311' })
  @IsOptional()
  @Transform(list)
  @IsEnum(CaseSource, {
    each: true,
    message: `source must be a comma-separated list of: ${Object.values(CaseSource).join(', ')}`,
  })
  source?: CaseSource[];

  @ApiPropertyOptional({
    description: 'Comma-separated channels of social cases; with source, either matches',
    example: 'whatsapp',
  })
  @IsOptional()
  @Transform(list)
  @IsEnum(Channel, {
    each: true,
    message: `channel must be a comma-separated list of: ${Object.values(Channel).join(', ')}`,
  })
  channel?: Channel[];

  @ApiPropertyOptional({ description: 'Opened at or after (ISO 8601)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'from must be an ISO 8601 date' })
  from?: Date;

  @ApiPropertyOptional({ description: 'Opened before (ISO 8601)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'to must be an ISO 8601 date' })
  to?: Date;

  toFilter(): CaseMapFilter {
    const { status, categoryId, departmentId, neighbourhoodId, source, channel, from, to } = this;
    return { status, categoryId, departmentId, neighbourhoodId, source, channel, from, to };
  }
}
