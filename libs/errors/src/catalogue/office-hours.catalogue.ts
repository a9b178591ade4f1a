import { ErrorCode } from '../error-code';
import type { CatalogueEntries } from './catalogue-entry';

/** Office hours and public holidays. */
export const OFFICE_HOURS_ERRORS: CatalogueEntries = {
  [ErrorCode.OfficeHoursUnknownTimeZone]: {
    status: 400,
    tr: 'Bilinmeyen saat dilimi: {timeZone} (ör. Europe/Istanbul)',
    en: 'Unknown time zone: {timeZone} (e.g. Europe/Istanbul)',
  },
  [ErrorCode.OfficeHoursCloseBeforeOpen]: {
    status: 400,
    tr: '{day}: kapanış saati açılış saatinden sonra olmalı',
    en: '{day}: the closing time must be after the opening time',
  },
  [ErrorCode.OfficeHoursLunchOutsideHours]: {
    status: 400,
    tr: '{day}: öğle arası açılış ile kapanış arasında olmalı ve bitişi başlangıcından sonra gelmeli',
    en: '{day}: the lunch break must lie between opening and closing and end after it starts',
  },
  [ErrorCode.OfficeHoursNoOpenDay]: {
    status: 400,
    tr: 'Haftada en az bir gün açık olmalı',
    en: 'At least one day of the week must be open',
  },
  [ErrorCode.PublicHolidayNotFound]: { status: 404, tr: 'Tatil günü bulunamadı', en: 'Holiday not found' },
};
