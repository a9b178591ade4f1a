import { PartialType } from '@nestjs/swagger';
import { CreateCaseCategoryDto } from './create-case-category.dto';

/** PATCH /api/v1/case-categories/:id */
export class UpdateCaseCategoryDto extends PartialType(CreateCaseCategoryDto) {}
