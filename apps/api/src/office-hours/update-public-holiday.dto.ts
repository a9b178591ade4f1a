import { PartialType } from '@nestjs/swagger';
import { CreatePublicHolidayDto } from './create-public-holiday.dto';

/** PATCH /api/v1/office-hours/holidays/:id */
export class UpdatePublicHolidayDto extends PartialType(CreatePublicHolidayDto) {}
