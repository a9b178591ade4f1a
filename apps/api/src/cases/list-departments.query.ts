import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional } from 'class-validator';
import { DepartmentKind } from '@civic/domain';

/** GET /api/v1/departments */
export class ListDepartmentsQuery {
  @ApiPropertyOptional({ enum: DepartmentKind })
  @IsOptional()
  @IsEnum(DepartmentKind, { message: 'kind must be one of: department, external_body' })
  kind?: DepartmentKind;

  @ApiPropertyOptional({ description: 'Include archived units' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  archived?: boolean;
}
