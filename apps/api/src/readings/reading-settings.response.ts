import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { CategoryModelStatus, ReadingSettingsView } from '@civic/message-readings';

@ApiSchema({ name: 'CategoryModelStatus' })
export class CategoryModelStatusResponse implements CategoryModelStatus {
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) trainedAt: string | null;
  @ApiProperty({ description: 'Categorized cases it learned from' }) examples: number;
  @ApiProperty({ description: 'The newest cases held out to measure it' }) heldOut: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Share of held-out cases it got right (top 1)' })
  heldOutAccuracy: number | null;
}

@ApiSchema({ name: 'ReadingSettings' })
export class ReadingSettingsResponse implements ReadingSettingsView {
  @ApiProperty({ description: 'Below this confidence a suggested category is only shown' }) suggestionThreshold: number;
  @ApiProperty({ type: CategoryModelStatusResponse }) categoryModel: CategoryModelStatusResponse;
}
