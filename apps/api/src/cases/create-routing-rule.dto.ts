import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { RoutingRuleInput } from '@civic/cases';

/** POST /api/v1/routing-rules */
export class CreateRoutingRuleDto implements RoutingRuleInput {
  @ApiProperty({
    type: [String],
    example: ['çukur*', 'asfalt*', 'yol'],
    description: 'Whole words after Turkish folding; a trailing * also matches suffixes',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  keywords: string[];

  @ApiProperty()
  @IsUUID()
  categoryId: string;

  @ApiPropertyOptional({ nullable: true, description: 'Overrides the category owner' })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsUUID()
  departmentId?: string | null;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  weight?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
