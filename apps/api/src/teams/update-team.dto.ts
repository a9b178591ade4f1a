import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import type { TeamInput } from '@civic/teams';
import { SingleLineName } from '../common/single-line-name.decorator';

/** PATCH /api/v1/teams/:id (every field optional; memberIds replaces the members). */
export class UpdateTeamDto implements TeamInput {
  @ApiPropertyOptional({ example: 'Fen İşleri masası' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  @SingleLineName()
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Yol, kaldırım ve çukur başvuruları' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: 500,
    description: 'Most open conversations per member for new work to reach them; null = no cap',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt({ message: 'maxOpenPerMember must be a whole number' })
  @Min(1)
  @Max(500)
  maxOpenPerMember?: number | null;

  @ApiPropertyOptional({ description: 'An inactive team takes no new conversations' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'https://sohbet.belediye.bel.tr/hooks/fen-isleri',
    description:
      'Where notify_team_webhook posts; a new URL gets a new signing secret (in that answer only); null removes it',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUrl(
    { require_protocol: true, protocols: ['https', 'http'], require_tld: false },
    { message: 'webhookUrl must be an http(s) URL' },
  )
  @MaxLength(2048)
  webhookUrl?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Replaces the members' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  memberIds?: string[];
}
