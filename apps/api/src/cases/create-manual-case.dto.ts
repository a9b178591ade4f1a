import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsEnum,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ManualCaseInput, normalizePhone } from '@civic/cases';
import { CasePriority, CaseSource, MANUAL_CASE_SOURCES } from '@civic/domain';
import { CaseLocationDto } from './case-location.dto';

/** A Turkish (or international, with +) phone number as said at the desk. */
const IsCitizenPhone = () =>
  ValidateBy({
    name: 'isCitizenPhone',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && normalizePhone(value) !== null,
      defaultMessage: () => 'phone must be a phone number such as 0532 123 45 67 or +90 532 123 45 67',
    },
  });

export class ManualCaseCitizenDto {
  @ApiPropertyOptional({ example: 'Ayşe Yılmaz' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: '0532 123 45 67', description: 'Stored as E.164 (+905321234567)' })
  @IsOptional()
  @ValidateIf((_o, value) => value !== '')
  @IsCitizenPhone()
  phone?: string;

  @ApiPropertyOptional({ example: 'ayse.yilmaz@example.com' })
  @IsOptional()
  @ValidateIf((_o, value) => value !== '')
  @IsEmail({}, { message: 'email must be an e-mail address such as ad.soyad@example.com' })
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ description: 'The citizen agreed to be told about the case (WhatsApp template or e-mail)' })
  @IsOptional()
  @IsBoolean()
  consent?: boolean;
}

export class ManualCaseCimerDto {
  @ApiProperty({ example: '2026-0412345', description: 'The application number CİMER gave' })
  @IsString()
  @Length(1, 50, { message: 'applicationNumber is required when the source is cimer (at most 50 characters)' })
  applicationNumber: string;

  @ApiProperty({ format: 'date', example: '2026-12-04' })
  @IsISO8601({ strict: true }, { message: 'applicationDate must be a date such as 2026-12-04' })
  @Length(10, 10, { message: 'applicationDate must be a date such as 2026-12-04' })
  applicationDate: string;
}

/** POST /api/v1/cases/manual: a request that came by phone, in person, by e-mail or through CİMER. */
export class CreateManualCaseDto implements ManualCaseInput {
  @ApiProperty({ enum: MANUAL_CASE_SOURCES, enumName: 'ManualCaseSource', example: CaseSource.Phone })
  @IsIn(MANUAL_CASE_SOURCES, { message: `source must be one of: ${MANUAL_CASE_SOURCES.join(', ')}` })
  source: CaseSource;

  @ApiPropertyOptional({ type: ManualCaseCitizenDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ManualCaseCitizenDto)
  citizen?: ManualCaseCitizenDto;

  @ApiPropertyOptional({ type: ManualCaseCimerDto, description: 'Required when the source is cimer; only then' })
  @ValidateIf((o: CreateManualCaseDto) => o.source === CaseSource.Cimer || o.cimer !== undefined)
  @ValidateNested()
  @Type(() => ManualCaseCimerDto)
  cimer?: ManualCaseCimerDto;

  @ApiProperty({ description: 'Category code or name', example: 'yol-cukur' })
  @IsString()
  @Length(1, 100)
  category: string;

  @ApiPropertyOptional({ description: 'Default: the department owning the category' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiProperty({ example: 'Vatandaş telefonla aradı: Atatürk Caddesi 45 önünde su borusu patlamış.' })
  @IsString()
  @Length(1, 10_000, { message: 'description must not be empty' })
  description: string;

  @ApiPropertyOptional({ enum: CasePriority })
  @IsOptional()
  @IsEnum(CasePriority, { message: `priority must be one of: ${Object.values(CasePriority).join(', ')}` })
  priority?: CasePriority;

  @ApiPropertyOptional({ type: CaseLocationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CaseLocationDto)
  location?: CaseLocationDto;
}
