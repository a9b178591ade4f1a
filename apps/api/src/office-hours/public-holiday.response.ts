import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { HolidayKind } from '@civic/domain';
import type { PublicHolidayView } from '@civic/office-hours';

@ApiSchema({ name: 'PublicHoliday' })
export class PublicHolidayResponse implements PublicHolidayView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-03-20', description: 'Local calendar date' }) date: string;
  @ApiProperty() nameTr: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ enum: ['national', 'religious'] }) kind: HolidayKind;
  @ApiProperty() halfDay: boolean;
  @ApiProperty({ type: String, nullable: true, example: '13:00' }) closesAt: string | null;
  @ApiProperty({ enum: ['official', 'custom'] }) source: 'official' | 'custom';
}
