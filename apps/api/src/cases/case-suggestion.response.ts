import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { RoutingSuggestion } from '@civic/cases';
import { DepartmentKind } from '@civic/domain';
import { CaseCategoryRefResponse } from './case.response';

@ApiSchema({ name: 'SuggestedDepartment' })
export class SuggestedDepartmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: DepartmentKind, enumName: 'DepartmentKind' }) kind: DepartmentKind;
}

@ApiSchema({ name: 'RoutingSuggestion' })
export class RoutingSuggestionResponse implements RoutingSuggestion {
  @ApiProperty({ type: CaseCategoryRefResponse }) category: CaseCategoryRefResponse;
  @ApiProperty({ type: SuggestedDepartmentResponse, nullable: true }) department: SuggestedDepartmentResponse | null;
  @ApiProperty({ type: [String] }) matchedKeywords: string[];
  @ApiProperty() score: number;
}

/** GET /api/v1/cases/suggest. */
@ApiSchema({ name: 'CaseSuggestion' })
export class CaseSuggestionResponse {
  @ApiProperty({ format: 'uuid' }) conversationId: string;
  @ApiProperty({ type: RoutingSuggestionResponse, nullable: true }) suggestion: RoutingSuggestionResponse | null;
  @ApiProperty({ type: [RoutingSuggestionResponse] }) alternatives: RoutingSuggestionResponse[];
}
