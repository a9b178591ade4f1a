import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { CaseIntakeSettings } from '@civic/cases';

@ApiSchema({ name: 'CaseIntakeSettings' })
export class CaseIntakeSettingsResponse implements CaseIntakeSettings {
  @ApiProperty({ example: 15, description: 'CİMER answer period in working days (default 15)' })
  cimerAnswerWorkingDays: number;
}
