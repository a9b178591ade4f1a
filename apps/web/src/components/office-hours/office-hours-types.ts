/** The office hours API's shapes as the web reads them: aliases of the schemas generated from the OpenAPI document. */
import type { components } from '../../api/openapi.gen';

type Schemas = components['schemas'];

export type OfficeHours = Schemas['OfficeHours'];
export type WeekdayHours = Schemas['WeekdayHoursDto'];
export type OutOfHoursAccount = Schemas['OutOfHoursAccount'];
export type PublicHoliday = Schemas['PublicHoliday'];
export type OfficeHoursUpdate = Schemas['UpdateOfficeHoursDto'];
export type PublicHolidayInput = Schemas['CreatePublicHolidayDto'];
