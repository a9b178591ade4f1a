import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { TransparencyReport } from '@civic/cases';

@ApiSchema({ name: 'TransparencyOrganization' })
export class TransparencyOrganizationResponse {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
}

@ApiSchema({ name: 'TransparencyTotals' })
export class TransparencyTotalsResponse {
  @ApiProperty() received: number;
  @ApiProperty() resolved: number;
  @ApiProperty() open: number;
  @ApiProperty({ type: Number, nullable: true }) medianResolutionHours: number | null;
}

@ApiSchema({ name: 'TransparencyRow' })
export class TransparencyRowResponse {
  @ApiProperty() department: string;
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty() received: number;
  @ApiProperty() resolved: number;
  @ApiProperty({ type: Number, nullable: true }) medianResolutionHours: number | null;
}

@ApiSchema({ name: 'TransparencyReport' })
export class TransparencyReportResponse implements TransparencyReport {
  @ApiProperty({ type: TransparencyOrganizationResponse }) organization: TransparencyOrganizationResponse;
  @ApiProperty() timeZone: string;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ type: [String] }) months: string[];
  @ApiProperty({ type: TransparencyTotalsResponse }) totals: TransparencyTotalsResponse;
  @ApiProperty({ type: [TransparencyRowResponse] }) byDepartmentAndMonth: TransparencyRowResponse[];
}
