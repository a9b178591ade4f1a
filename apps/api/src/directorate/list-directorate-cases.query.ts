import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CaseFilter } from '@civic/cases';
import { CaseStatus } from '@civic/domain';

const list = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);
const flag = ({ value }: { value: unknown }) => value === 'true' || value === true;

/** GET /api/v1/directorate/cases: the department's cases (the department comes from the caller). */
export class ListDirectorateCasesQuery {
  @ApiPropertyOptional({ description: 'Comma-separated statuses', example: 'assigned,in_progress' })
  @IsOptional()
  @Transform(list)
  @IsEnum(CaseStatus, {
    each: true,
    message: `status must be a comma-separated list of: ${Object.values(CaseStatus).join(', ')}`,
  })
  status?: CaseStatus[];

  @ApiPropertyOptional({ description: 'Only open cases past their due date' })
  @IsOptional()
  @Transform(flag)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Only open cases at risk of missing their due date' })
  @IsOptional()
  @Transform(flag)
  @IsBoolean()
  atRisk?: boolean;

  @ApiPropertyOptional({ description: "Words in the case number, description, place or the citizen's message" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;

  toFilter(): CaseFilter {
    return {
      status: this.status,
      overdue: this.overdue,
      atRisk: this.atRisk,
      text: this.q,
      limit: this.limit,
      offset: this.offset,
    };
  }
}
