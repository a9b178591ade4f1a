import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { CitizenNoticeKind } from '@civic/citizen-loop';

@ApiSchema({ name: 'CitizenNoticeTexts' })
export class CitizenNoticeTextsResponse {
  @ApiProperty() tr: string;
  @ApiProperty() en: string;
}

@ApiSchema({ name: 'CitizenNoticeTemplate' })
export class CitizenNoticeTemplateResponse {
  @ApiProperty() name: string;
  @ApiProperty() language: string;
}

@ApiSchema({ name: 'CitizenNoticeKindSettings' })
export class CitizenNoticeKindSettingsResponse {
  @ApiProperty({ enum: CitizenNoticeKind, enumName: 'CitizenNoticeKind' }) kind: CitizenNoticeKind;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ type: CitizenNoticeTextsResponse }) texts: CitizenNoticeTextsResponse;
  @ApiProperty({ type: CitizenNoticeTemplateResponse, nullable: true })
  whatsappTemplate: CitizenNoticeTemplateResponse | null;
  @ApiProperty({
    type: [String],
    description: 'Placeholders the text may use; a mapped template gets them in this order',
  })
  placeholders: string[];
}

@ApiSchema({ name: 'CitizenMessageAccount' })
export class CitizenMessageAccountResponse {
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty() channel: string;
  @ApiProperty() name: string;
  @ApiProperty() acknowledgeNewConversations: boolean;
}

/** GET/PUT /api/v1/citizen-messages/settings */
@ApiSchema({ name: 'CitizenMessageSettings' })
export class CitizenMessageSettingsResponse {
  @ApiProperty({ type: String, nullable: true }) privacyNoticeUrl: string | null;
  @ApiProperty() privacyNoticeOnFirstContact: boolean;
  @ApiProperty({ enum: ['tr', 'en'] }) defaultLanguage: 'tr' | 'en';
  @ApiProperty({ type: [CitizenNoticeKindSettingsResponse] }) kinds: CitizenNoticeKindSettingsResponse[];
  @ApiProperty({ type: [CitizenMessageAccountResponse] }) accounts: CitizenMessageAccountResponse[];
}

@ApiSchema({ name: 'CitizenMessagePreview' })
export class CitizenMessagePreviewResponse {
  @ApiProperty() text: string;
}
