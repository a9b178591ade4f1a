import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { LearnedTextCategoryResponse, RoutingSuggestionResponse } from './case-suggestion.response';

/** POST /api/v1/cases/manual/suggest. */
@ApiSchema({ name: 'ManualCaseSuggestion' })
export class ManualCaseSuggestionResponse {
  @ApiProperty({ type: RoutingSuggestionResponse, nullable: true }) suggestion: RoutingSuggestionResponse | null;
  @ApiProperty({ type: [RoutingSuggestionResponse] }) alternatives: RoutingSuggestionResponse[];
  @ApiProperty({ type: LearnedTextCategoryResponse, nullable: true, description: 'The learned model’s category' })
  learned: LearnedTextCategoryResponse | null;
}
