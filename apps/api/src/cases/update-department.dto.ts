import { PartialType } from '@nestjs/swagger';
import { CreateDepartmentDto } from './create-department.dto';

/** PATCH /api/v1/departments/:id */
export class UpdateDepartmentDto extends PartialType(CreateDepartmentDto) {}
