import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { CasePriority } from '@civic/domain';
import { UpdateCaseInput } from '@civic/cases';
import { CaseLocationDto } from './case-location.dto';

/** PATCH /api/v1/cases/:id */
export class UpdateCaseDto implements UpdateCaseInput {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string;

  @ApiPropertyOptional({ enum: CasePriority })
  @IsOptional()
  @IsEnum(CasePriority, { message: `priority must be one of: ${Object.values(CasePriority).join(', ')}` })
  priority?: CasePriority;

  @ApiPropertyOptional({ description: 'Category code or name; the due date follows its SLA' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  category?: string;

  @ApiPropertyOptional({ type: CaseLocationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CaseLocationDto)
  location?: CaseLocationDto;
}
