import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { CategoryInput } from '@civic/cases';
import { SingleLineName } from '../common/single-line-name.decorator';

/** POST /api/v1/case-categories */
export class CreateCaseCategoryDto implements CategoryInput {
  @ApiProperty({ example: 'kaldirim' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, {
    message: 'code must be lowercase ASCII letters, digits and dashes (e.g. yol-cukur)',
  })
  code: string;

  @ApiProperty({ example: 'Kaldırım' })
  @IsString()
  @Length(1, 200)
  @SingleLineName()
  name: string;

  @ApiProperty({ example: 72, description: 'Hours until a case of this category is due' })
  @IsInt({ message: 'slaHours must be a whole number of hours' })
  @Min(1)
  @Max(24 * 365)
  slaHours: number;

  @ApiPropertyOptional({
    default: false,
    description: 'Count the SLA in working hours of the office calendar (nights, weekends, holidays skipped)',
  })
  @IsOptional()
  @IsBoolean()
  slaWorkingHours?: boolean;

  @ApiPropertyOptional({ nullable: true, description: 'Owning department or external body' })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsUUID()
  departmentId?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
