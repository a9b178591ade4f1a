import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { CaseFilter } from '@civic/cases';
import { CANONICAL_CASE_NUMBER, CasePriority, CaseStatus, parseCaseNumber } from '@civic/domain';

const list = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);

/** GET /api/v1/cases */
export class ListCasesQuery {
  @ApiPropertyOptional({ description: 'Comma-separated statuses', example: 'new,assigned' })
  @IsOptional()
  @Transform(list)
  @IsEnum(CaseStatus, {
    each: true,
    message: `status must be a comma-separated list of: ${Object.values(CaseStatus).join(', ')}`,
  })
  status?: CaseStatus[];

  @ApiPropertyOptional({ description: 'Comma-separated priorities', example: 'high,urgent' })
  @IsOptional()
  @Transform(list)
  @IsEnum(CasePriority, {
    each: true,
    message: `priority must be a comma-separated list of: ${Object.values(CasePriority).join(', ')}`,
  })
  priority?: CasePriority[];

  @ApiPropertyOptional() @IsOptional() @IsUUID() departmentId?: string;
  @ApiPropertyOptional({ description: 'Cases forwarded to this external body' })
  @IsOptional()
  @IsUUID()
  externalBodyId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() categoryId?: string;
  @ApiPropertyOptional({ description: 'Cases of this neighbourhood (GET /api/v1/neighbourhoods)' })
  @IsOptional()
  @IsUUID()
  neighbourhoodId?: string;

  @ApiPropertyOptional({ description: "The officer responsible: a user id, 'me', or 'none' (nobody)", example: 'me' })
  @IsOptional()
  @Matches(/^(me|none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: "assignee must be a user id, 'me' or 'none'",
  })
  assignee?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() conversationId?: string;

  @ApiPropertyOptional({
    description: 'The case with this readable number; leading zeros may be left out',
    example: '2026-000123',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? (parseCaseNumber(value) ?? value) : value))
  @Matches(CANONICAL_CASE_NUMBER, { message: 'number must be a case number such as 2026-000123' })
  number?: string;

  @ApiPropertyOptional({ description: 'Only open cases past their due date' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({
    description: 'Only open cases at risk: 75 % of the time to the due date gone, not yet overdue',
  })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  atRisk?: boolean;

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
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;

  /** `me` is the caller. */
  toFilter(userId: string): CaseFilter {
    const { assignee, number, ...rest } = this;
    return {
      ...rest,
      ...(number ? { caseNumber: number } : {}),
      ...(assignee ? { assigneeUserId: assignee === 'none' ? null : assignee === 'me' ? userId : assignee } : {}),
    };
  }
}
