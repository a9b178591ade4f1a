import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, Max, Min } from 'class-validator';

/** PUT /api/v1/readings/settings */
export class UpdateReadingSettingsDto {
  @ApiProperty({
    description: 'Below this confidence (0.5–1) a suggested category is only shown',
    minimum: 0.5,
    maximum: 1,
  })
  @IsNumber()
  @Min(0.5)
  @Max(1)
  suggestionThreshold: number;
}
