import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { Channel } from '@civic/domain';
import { SingleLineName } from '../common/single-line-name.decorator';

/** The one answer for an id that cannot be connected: malformed, or held by another organization (which must not show). */
export const INVALID_EXTERNAL_ID =
  'externalId bağlanabilir bir kanal kimliği değil / externalId is not a channel id that can be connected (letters, digits, _ . : -; at most 128)';

export class CreateChannelAccountDto {
  @ApiProperty({ enum: Channel })
  @IsEnum(Channel, { message: `channel must be one of: ${Object.values(Channel).join(', ')}` })
  channel: Channel;

  @ApiProperty({
    description: 'Page id, Instagram account id, X user id or WhatsApp phone-number id',
    example: '206070979425408',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9_.:-]{1,128}$/, { message: INVALID_EXTERNAL_ID })
  externalId: string;

  @ApiProperty({ example: 'Melikgazi Belediyesi' })
  @IsString()
  @Length(1, 200)
  @SingleLineName()
  name: string;

  @ApiPropertyOptional({ example: 'MelikgaziBel' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @SingleLineName()
  handle?: string;

  @ApiPropertyOptional({ example: 'Belediye', description: 'Whose account: "Belediye", "Başkan" …' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  @SingleLineName()
  ownerLabel?: string;

  @ApiPropertyOptional({
    description:
      'Write-only. Facebook {pageAccessToken}, Instagram {accessToken}, WhatsApp {accessToken}, X {accessToken, accessSecret}',
  })
  @IsOptional()
  @IsObject()
  credentials?: Record<string, string>;

  @ApiPropertyOptional({ minimum: 30, maximum: 86400 })
  @IsOptional()
  @IsInt()
  @Min(30)
  @Max(86400)
  pollIntervalSeconds?: number;

  @ApiPropertyOptional({
    minimum: 0.001,
    maximum: 1000,
    nullable: true,
    description:
      "Sends per second allowed on this account, over the channel's default (WhatsApp 80, Facebook 40, Instagram 100, X 200 per 15 min); null returns to the default",
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'sendRatePerSecond must be a number' })
  @Min(0.001)
  @Max(1000)
  sendRatePerSecond?: number | null;

  @ApiPropertyOptional({ description: 'Served by the built-in fake channels; never reaches a real channel' })
  @IsOptional()
  @IsBoolean()
  sandbox?: boolean;
}
