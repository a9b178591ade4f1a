import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { SingleLineName } from '../common/single-line-name.decorator';

/** A watchlist as created; every field optional on PATCH (UpdateWatchlistDto). */
export class WatchlistDto {
  @ApiProperty({ example: 'Belediye ve Başkan' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @SingleLineName()
  name: string;

  @ApiPropertyOptional({
    example: ['Melikgazi Belediyesi', 'Büyükkılıç'],
    description: 'words or phrases; a trailing * matches a prefix',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  terms?: string[];

  @ApiPropertyOptional({ example: ['@MelikgaziBel'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  handles?: string[];

  @ApiPropertyOptional({ example: ['#melikgazi'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  hashtags?: string[];

  @ApiPropertyOptional({
    example: ['Melikgazi Koleji'],
    description: 'a text containing any of these is not a mention',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  exclusionTerms?: string[];

  @ApiPropertyOptional({ default: 3, description: 'spike when the last hour exceeds this × (median day / 24)' })
  @IsOptional()
  @IsNumber()
  @Min(1)
  @Max(100)
  spikeFactor?: number;

  @ApiPropertyOptional({ default: 10, description: 'and the hour holds at least this many mentions' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  spikeMinCount?: number;

  @ApiPropertyOptional({ default: true, description: 'also search X recent search' })
  @IsOptional()
  @IsBoolean()
  twitterSearch?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
