import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { ResolutionProposalView } from '@civic/cases';

/** The resolution a directorate (müdürlük) proposed for an officer to send. */
@ApiSchema({ name: 'ResolutionProposal' })
export class ResolutionProposalResponse implements ResolutionProposalView {
  @ApiProperty() text: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) byUserId: string | null;
  @ApiProperty({ type: String, nullable: true }) byName: string | null;
  @ApiProperty({ type: String, nullable: true }) departmentName: string | null;
  @ApiProperty({ format: 'date-time' }) proposedAt: string;
}
