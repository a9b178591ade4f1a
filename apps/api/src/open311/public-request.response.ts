import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { CaseStatus } from '@civic/domain';
import type { PublicRequestStep, PublicRequestView } from './public-request.service';

@ApiSchema({ name: 'PublicRequestStep' })
export class PublicRequestStepResponse implements PublicRequestStep {
  @ApiProperty({
    enum: ['received', 'assigned', 'in_progress', 'forwarded', 'resolved', 'rejected', 'reopened', 'merged'],
  })
  kind: PublicRequestStep['kind'];
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true, description: 'The department (assigned) or external body (forwarded)' })
  to: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The resolution text or the rejection reason' })
  text: string | null;
}

@ApiSchema({ name: 'PublicRequestOrganization' })
export class PublicRequestOrganizationResponse {
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
}

@ApiSchema({ name: 'PublicRequestPlace' })
export class PublicRequestPlaceResponse {
  @ApiProperty({ type: String, nullable: true }) label: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Rounded to 3 decimals (about 100 m)' })
  latitude: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Rounded to 3 decimals (about 100 m)' })
  longitude: number | null;
}

/** A request's public page: no personal data, no exact position. */
@ApiSchema({ name: 'PublicRequest' })
export class PublicRequestResponse implements PublicRequestView {
  @ApiProperty() publicId: string;
  @ApiProperty() caseNumber: string;
  @ApiProperty({ type: PublicRequestOrganizationResponse }) organization: PublicRequestOrganizationResponse;
  @ApiProperty({ description: 'The category name' }) category: string;
  @ApiProperty({ enum: CaseStatus, enumName: 'CaseStatus' }) status: CaseStatus;
  @ApiProperty() closed: boolean;
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, nullable: true }) department: string | null;
  @ApiProperty({ type: PublicRequestPlaceResponse, nullable: true }) place: PublicRequestPlaceResponse | null;
  @ApiProperty({ type: [PublicRequestStepResponse] }) history: PublicRequestStepResponse[];
}
