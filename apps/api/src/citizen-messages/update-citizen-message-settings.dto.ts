import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CitizenNoticeKind } from '@civic/citizen-loop';

const NOTICE_TEXT_MAX = 1000;

export class NoticeTextsDto {
  @ApiPropertyOptional({ description: 'Turkish text; placeholders such as {caseNumber}. Empty: the default text.' })
  @IsOptional()
  @IsString()
  @MaxLength(NOTICE_TEXT_MAX)
  tr?: string;

  @ApiPropertyOptional({ description: 'English text. Empty: the default text.' })
  @IsOptional()
  @IsString()
  @MaxLength(NOTICE_TEXT_MAX)
  en?: string;
}

export class NoticeTemplateDto {
  @ApiPropertyOptional({ description: 'Approved WhatsApp template name' })
  @IsString()
  @MinLength(1)
  @MaxLength(512)
  name: string;

  @ApiPropertyOptional({ description: 'Template language code, e.g. tr or en_US' })
  @IsString()
  @MinLength(2)
  @MaxLength(15)
  language: string;
}

export class NoticeKindSettingsDto {
  @ApiPropertyOptional({ enum: CitizenNoticeKind, enumName: 'CitizenNoticeKind' })
  @IsIn(Object.values(CitizenNoticeKind))
  kind: CitizenNoticeKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ type: NoticeTextsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => NoticeTextsDto)
  texts?: NoticeTextsDto;

  @ApiPropertyOptional({
    type: NoticeTemplateDto,
    nullable: true,
    description:
      'Sent on WhatsApp outside the 24-hour window, with the placeholders as parameters in order; null removes it',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @ValidateNested()
  @Type(() => NoticeTemplateDto)
  whatsappTemplate?: NoticeTemplateDto | null;
}

export class AccountAcknowledgementDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID()
  accountId: string;

  @ApiPropertyOptional()
  @IsBoolean()
  acknowledgeNewConversations: boolean;
}

/** PUT /api/v1/citizen-messages/settings: only what is given changes. */
export class UpdateCitizenMessageSettingsDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The privacy notice (aydınlatma metni) page, http(s)',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(2000)
  privacyNoticeUrl?: string | null;

  @ApiPropertyOptional({ description: 'Add the privacy notice link to the first automatic message a contact gets' })
  @IsOptional()
  @IsBoolean()
  privacyNoticeOnFirstContact?: boolean;

  @ApiPropertyOptional({ enum: ['tr', 'en'] })
  @IsOptional()
  @IsIn(['tr', 'en'])
  defaultLanguage?: 'tr' | 'en';

  @ApiPropertyOptional({ type: [NoticeKindSettingsDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => NoticeKindSettingsDto)
  kinds?: NoticeKindSettingsDto[];

  @ApiPropertyOptional({ type: [AccountAcknowledgementDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AccountAcknowledgementDto)
  accounts?: AccountAcknowledgementDto[];
}
