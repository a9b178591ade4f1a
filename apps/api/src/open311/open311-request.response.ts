import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { Open311Request } from './open311.service';

/** GeoReport v2 service request (a case, without personal data). */
@ApiSchema({ name: 'Open311Request' })
export class Open311RequestResponse implements Open311Request {
  @ApiProperty() service_request_id: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status: 'open' | 'closed';
  @ApiProperty({ type: String, nullable: true }) status_notes: string | null;
  @ApiProperty() service_name: string;
  @ApiProperty() service_code: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: String, nullable: true }) agency_responsible: string | null;
  @ApiProperty({ type: 'null', nullable: true }) service_notice: null;
  @ApiProperty({ format: 'date-time' }) requested_datetime: string;
  @ApiProperty({ format: 'date-time' }) updated_datetime: string;
  @ApiProperty({ format: 'date-time' }) expected_datetime: string;
  @ApiPropertyOptional() lat?: number;
  @ApiPropertyOptional() long?: number;
}
