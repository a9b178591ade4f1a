import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { CreateCaseInput } from '@civic/cases';
import { CasePriority } from '@civic/domain';
import { CaseLocationDto } from './case-location.dto';

/** POST /api/v1/cases */
export class CreateCaseDto implements CreateCaseInput {
  @ApiProperty()
  @IsUUID()
  conversationId: string;

  @ApiPropertyOptional({ description: 'The message the case is about (its photos become the case photos)' })
  @IsOptional()
  @IsUUID()
  messageId?: string;

  @ApiPropertyOptional({
    description:
      'Category code or name. Without it the learned suggestion is applied when its confidence reaches the threshold (else 400)',
    example: 'yol-cukur',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  category?: string;

  @ApiPropertyOptional({ description: 'Default: the message text', example: 'İnönü Caddesi 12 önünde derin çukur' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string;

  @ApiPropertyOptional({ enum: CasePriority })
  @IsOptional()
  @IsEnum(CasePriority, { message: `priority must be one of: ${Object.values(CasePriority).join(', ')}` })
  priority?: CasePriority;

  @ApiPropertyOptional({ description: 'Default: the department owning the category' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({
    type: CaseLocationDto,
    description: 'Default: the latest WhatsApp/Messenger location pin of the conversation',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CaseLocationDto)
  location?: CaseLocationDto;
}
