import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { CaseResponse } from './case.response';

@ApiSchema({ name: 'CaseList' })
export class CaseListResponse {
  @ApiProperty({ type: [CaseResponse] }) items: CaseResponse[];
  @ApiProperty({ description: 'All cases matching the filter, beyond the page' }) total: number;
}
