import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { DuplicateCandidates } from '@civic/cases';
import { CaseResponse } from './case.response';

@ApiSchema({ name: 'DuplicateCandidate' })
export class DuplicateCandidateResponse extends CaseResponse {
  @ApiProperty() distanceMetres: number;
}

/** GET /api/v1/cases/:id/duplicates. */
@ApiSchema({ name: 'DuplicateCandidates' })
export class DuplicateCandidatesResponse implements DuplicateCandidates {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() radiusMetres: number;
  @ApiProperty() days: number;
  @ApiProperty({ description: 'False when the case has no location' }) located: boolean;
  @ApiProperty({ type: [DuplicateCandidateResponse] }) items: DuplicateCandidateResponse[];
}
