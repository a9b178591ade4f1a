import { PartialType, PickType } from '@nestjs/swagger';
import type { UpdateCaseInput } from '@civic/cases';
import { CreateCaseDto } from './create-case.dto';

/** PATCH /api/v1/cases/:id: the editable fields of a new case, each optional (a new category moves the due date). */
export class UpdateCaseDto
  extends PartialType(PickType(CreateCaseDto, ['description', 'priority', 'category', 'location'] as const))
  implements UpdateCaseInput {}
