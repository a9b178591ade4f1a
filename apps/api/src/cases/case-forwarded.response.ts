import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { CaseResponse } from './case.response';

@ApiSchema({ name: 'CaseDelivery' })
export class CaseDeliveryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() transport: string;
  @ApiProperty() status: string;
}

/** POST /api/v1/cases/:id/forward: the case and the deliveries queued. */
@ApiSchema({ name: 'CaseForwarded' })
export class CaseForwardedResponse extends CaseResponse {
  @ApiProperty({ type: [CaseDeliveryResponse] }) deliveries: CaseDeliveryResponse[];
}
