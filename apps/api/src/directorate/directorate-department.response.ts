import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { DirectorateDepartmentView } from '@civic/cases';

/** GET /api/v1/directorate/department: the caller's department (müdürlük). */
@ApiSchema({ name: 'DirectorateDepartment' })
export class DirectorateDepartmentResponse implements DirectorateDepartmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The directorate may send a resolution to the citizen itself' })
  directorateMayResolve: boolean;
}
