import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { SingleLineName } from '../common/single-line-name.decorator';
import { ConversationFilterDto } from './list-conversations.query';

export class BulkActionDto {
  @ApiPropertyOptional({ type: [String], maxItems: 500, description: 'either ids or filter' })
  @ValidateIf((o) => o.filter === undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  ids?: string[];

  @ApiPropertyOptional({ type: ConversationFilterDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConversationFilterDto)
  filter?: ConversationFilterDto;

  @ApiProperty({ enum: ['assign', 'tag', 'close', 'read'] })
  @IsIn(['assign', 'tag', 'close', 'read'])
  action: 'assign' | 'tag' | 'close' | 'read';

  @ApiPropertyOptional({ nullable: true, description: "assign: user id, 'me' or null; tag: the tag" })
  @ValidateIf((o) => o.action === 'tag' || (o.value !== undefined && o.value !== null))
  @IsString()
  @MaxLength(64)
  @SingleLineName()
  value?: string | null;
}
