import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { CaseResponse } from './case.response';

@ApiSchema({ name: 'CaseMerge' })
export class CaseMergeResponse {
  @ApiProperty({ type: CaseResponse }) merged: CaseResponse;
  @ApiProperty({ type: CaseResponse }) into: CaseResponse;
}
