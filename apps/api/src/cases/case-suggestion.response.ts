import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { LearnedCategory, LearnedTextCategory, RoutingSuggestion } from '@civic/cases';
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

@ApiSchema({ name: 'LearnedTextCategory' })
export class LearnedTextCategoryResponse implements LearnedTextCategory {
  @ApiProperty({ type: CaseCategoryRefResponse }) category: CaseCategoryRefResponse;
  @ApiProperty({ minimum: 0, maximum: 1 }) confidence: number;
  @ApiProperty({ type: [String], description: 'The words that weighed most, strongest first' }) words: string[];
  @ApiProperty({ minimum: 0, maximum: 1, description: 'At or above it a case opened without a category takes it' })
  threshold: number;
}

/** The learned category of a stored citizen message: a text's, with the message it was read in. */
@ApiSchema({ name: 'LearnedCategorySuggestion' })
export class LearnedCategorySuggestionResponse extends LearnedTextCategoryResponse implements LearnedCategory {
  @ApiProperty({ format: 'uuid', description: 'The citizen message it was read in' }) messageId: string;
}

/** GET /api/v1/cases/suggest. */
@ApiSchema({ name: 'CaseSuggestion' })
export class CaseSuggestionResponse {
  @ApiProperty({ format: 'uuid' }) conversationId: string;
  @ApiProperty({ type: RoutingSuggestionResponse, nullable: true }) suggestion: RoutingSuggestionResponse | null;
  @ApiProperty({ type: [RoutingSuggestionResponse] }) alternatives: RoutingSuggestionResponse[];
  @ApiProperty({
    type: LearnedCategorySuggestionResponse,
    nullable: true,
    description: 'The learned model’s suggestion for the citizen’s latest message (or the given one)',
  })
  learned: LearnedCategorySuggestionResponse | null;
}
