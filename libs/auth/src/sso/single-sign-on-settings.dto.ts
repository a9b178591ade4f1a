import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { UserRole } from '@civic/domain';

export class SingleSignOnGroupMappingDto {
  @ApiProperty({ example: 'civic-memurlar', description: 'Group name or id as the IdP sends it (Entra ID: object id)' })
  @IsString()
  @Length(1, 256)
  group: string;

  @ApiProperty({ enum: UserRole, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsEnum(UserRole, { each: true, message: `roles must be some of: ${Object.values(UserRole).join(', ')}` })
  roles: UserRole[];

  @ApiProperty({
    type: [String],
    description: 'Channel accounts granted to members (narrows officers; empty: no narrowing from this group)',
  })
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  channelAccountIds: string[];
}

/** PUT /api/v1/sso-settings: the whole setting; clientSecret is write-only and kept when omitted. */
export class UpdateSingleSignOnSettingsDto {
  @ApiProperty()
  @IsBoolean()
  enabled: boolean;

  @ApiPropertyOptional({ example: 'https://login.microsoftonline.com/<tenant-id>/v2.0', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  // https, or http on loopback only (a provider on the same machine, and the tests).
  @Matches(/^(https:\/\/[^\s/]+|http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?)(\/\S*)?$/, {
    message: 'issuerUrl must be an https:// URL (http:// only on 127.0.0.1 or localhost)',
  })
  issuerUrl?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  clientId?: string | null;

  @ApiPropertyOptional({ description: 'Write-only; omitted keeps the stored secret' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  clientSecret?: string;

  @ApiPropertyOptional({ example: 'openid email profile' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Matches(/^(?=.*\bopenid\b)[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/, {
    message: 'scopes must be space-separated scope names including openid',
  })
  scopes?: string;

  @ApiPropertyOptional({ example: 'groups' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_:./-]{1,200}$/, { message: 'groupsClaim must be a claim name such as groups' })
  groupsClaim?: string;

  @ApiPropertyOptional({ type: [SingleSignOnGroupMappingDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SingleSignOnGroupMappingDto)
  groupMappings?: SingleSignOnGroupMappingDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  createUsers?: boolean;

  @ApiPropertyOptional({ description: 'Refuse password sign-in (the bootstrap administrator keeps it as break-glass)' })
  @IsOptional()
  @IsBoolean()
  passwordSignInDisabled?: boolean;
}
