import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'MentionTerm' })
export class MentionTermResponse {
  @ApiProperty() term: string;
  @ApiProperty() count: number;
}
