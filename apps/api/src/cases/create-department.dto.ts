import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { DepartmentInput } from '@civic/cases';
import { DepartmentKind } from '@civic/domain';
import { SingleLineName } from '../common/single-line-name.decorator';

/** POST /api/v1/departments (a department or an external body) */
export class CreateDepartmentDto implements DepartmentInput {
  @ApiProperty({ example: 'Fen İşleri' })
  @IsString()
  @Length(1, 200)
  @SingleLineName()
  name: string;

  @ApiProperty({ enum: DepartmentKind })
  @IsEnum(DepartmentKind, { message: 'kind must be one of: department, external_body' })
  kind: DepartmentKind;

  @ApiPropertyOptional({ example: 'basvuru@izsu.gov.tr', nullable: true })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string | null;

  @ApiPropertyOptional({ example: 'https://kurum.example/civic-inbox', nullable: true })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsUrl(
    { require_protocol: true, protocols: ['https', 'http'], require_tld: false },
    { message: 'webhookUrl must be an http(s) URL' },
  )
  @MaxLength(2048)
  webhookUrl?: string | null;

  @ApiPropertyOptional({
    description:
      'Shared secret for X-Civic-Signature; generated (and shown once) when a webhook URL is set without one',
    nullable: true,
  })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'webhookSecret must be at least 16 characters' })
  @MaxLength(256)
  webhookSecret?: string | null;

  @ApiPropertyOptional({
    type: [String],
    description: 'Category codes this unit owns',
    example: ['yol-cukur', 'aydinlatma'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  categories?: string[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: 'Its directorate users may send a resolution to the citizen themselves (else they propose one)',
  })
  @IsOptional()
  @IsBoolean()
  directorateMayResolve?: boolean;
}
