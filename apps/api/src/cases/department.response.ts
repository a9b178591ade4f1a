import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { DepartmentView } from '@civic/cases';
import { DepartmentKind } from '@civic/domain';

@ApiSchema({ name: 'DepartmentCategory' })
export class DepartmentCategoryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

/** A municipal department or an external body (kind) with the categories it owns. */
@ApiSchema({ name: 'DepartmentView' })
export class DepartmentResponse implements DepartmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: DepartmentKind, enumName: 'DepartmentKind' }) kind: DepartmentKind;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) webhookUrl: string | null;
  @ApiProperty() hasWebhookSecret: boolean;
  @ApiPropertyOptional({ description: 'Only in the answer that generated it: shown once' }) webhookSecret?: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'Its directorate users may send a resolution themselves' })
  directorateMayResolve: boolean;
  @ApiProperty({ type: [DepartmentCategoryResponse] }) categories: DepartmentCategoryResponse[];
}
