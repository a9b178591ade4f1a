import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'MentionTerm' })
export class MentionTermResponse {
  @ApiProperty({ description: 'folded (çöp, Çöp and cop are one term)' }) term: string;
  @ApiProperty({ description: 'as most posts write it, in Turkish lower case', example: 'çöp' }) label: string;
  @ApiProperty() count: number;
}
