import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ConversationActionDto, MAX_ACTIONS } from '@civic/automation';
import { SingleLineName } from '../common/single-line-name.decorator';

export class MacroDto {
  @ApiProperty({ example: 'Fen İşleri’ne ilet' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  @SingleLineName()
  name: string;

  @ApiProperty({ type: [ConversationActionDto], description: 'Carried out in this order' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ACTIONS)
  @ValidateNested({ each: true })
  @Type(() => ConversationActionDto)
  actions: ConversationActionDto[];

  @ApiPropertyOptional({
    default: false,
    description: 'true: shared with the whole organization (administrators only); false: only the creator sees it',
  })
  @IsOptional()
  @IsBoolean()
  shared?: boolean;
}
