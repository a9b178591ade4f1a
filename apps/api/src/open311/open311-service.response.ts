import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { Open311ServiceDefinition } from './open311.service';

/** GeoReport v2 service (a case category). */
@ApiSchema({ name: 'Open311Service' })
export class Open311ServiceResponse implements Open311ServiceDefinition {
  @ApiProperty() service_code: string;
  @ApiProperty() service_name: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: [false] }) metadata: false;
  @ApiProperty({ enum: ['realtime'] }) type: 'realtime';
  @ApiProperty() keywords: string;
  @ApiProperty() group: string;
}
