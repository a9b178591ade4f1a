import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { CategoryView } from '@civic/cases';

@ApiSchema({ name: 'CaseCategory' })
export class CaseCategoryResponse implements CategoryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() slaHours: number;
  @ApiProperty({ description: 'The SLA counts working hours of the office calendar' }) slaWorkingHours: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) departmentId: string | null;
  @ApiProperty() active: boolean;
}
