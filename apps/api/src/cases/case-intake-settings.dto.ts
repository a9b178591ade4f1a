import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import type { CaseIntakeSettings } from '@civic/cases';

/** PUT /api/v1/case-settings/intake */
export class CaseIntakeSettingsDto implements CaseIntakeSettings {
  @ApiProperty({ example: 15, minimum: 1, maximum: 90, description: 'CİMER answer period in working days' })
  @IsInt({ message: 'cimerAnswerWorkingDays must be a whole number of working days' })
  @Min(1, { message: 'cimerAnswerWorkingDays must be between 1 and 90' })
  @Max(90, { message: 'cimerAnswerWorkingDays must be between 1 and 90' })
  cimerAnswerWorkingDays: number;
}
