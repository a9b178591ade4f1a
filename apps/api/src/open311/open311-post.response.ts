import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { Open311PostAnswer } from './open311-intake.service';

/** GeoReport v2 answer to a filed request. */
@ApiSchema({ name: 'Open311PostAnswer' })
export class Open311PostResponse implements Open311PostAnswer {
  @ApiProperty({ description: 'The case number (başvuru no), e.g. 2026-000123' }) service_request_id: string;
  @ApiProperty({ description: "The acknowledgement, with the address of the request's public page" })
  service_notice: string;
  @ApiProperty({ type: 'null', nullable: true }) account_id: null;
}
