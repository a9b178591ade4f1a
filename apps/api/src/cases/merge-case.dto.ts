import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** POST /api/v1/cases/:id/merge: this case is a duplicate of intoCaseId. */
export class MergeCaseDto {
  @ApiProperty({ description: 'The surviving case' }) @IsUUID() intoCaseId: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}
