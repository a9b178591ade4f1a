import { ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { IsOptional, IsUUID, ValidateIf } from 'class-validator';
import type { UpdateCaseInput } from '@civic/cases';
import { CreateCaseDto } from './create-case.dto';

/** PATCH /api/v1/cases/:id: the editable fields of a new case, each optional (a new category moves the due date). */
export class UpdateCaseDto
  extends PartialType(PickType(CreateCaseDto, ['description', 'priority', 'category', 'location'] as const))
  implements UpdateCaseInput
{
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The officer responsible (an active administrator or officer of your organization); null: nobody',
  })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsUUID('all', { message: 'assigneeUserId must be a user id' })
  assigneeUserId?: string | null;
}
