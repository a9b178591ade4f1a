import { ErrorCode } from '../error-code';
import type { CatalogueEntries } from './catalogue-entry';

/** Directorate (müdürlük) access (issue 26). */
export const DIRECTORATE_ERRORS: CatalogueEntries = {
  [ErrorCode.DirectorateRouteClosed]: {
    status: 403,
    tr: 'Müdürlük kullanıcıları yalnızca kendi müdürlüklerinin başvurularına erişebilir',
    en: 'Directorate users may reach only the cases of their own department',
  },
  [ErrorCode.DirectorateDepartmentRequired]: {
    status: 400,
    tr: 'Müdürlük rolündeki kullanıcı için bir müdürlük seçilmeli',
    en: 'A user with the directorate role needs a department',
  },
  [ErrorCode.DirectorateDepartmentInvalid]: {
    status: 400,
    tr: 'Müdürlük, kurumunuzun etkin bir müdürlüğü olmalı',
    en: 'The department must be an active department of your organization',
  },
  [ErrorCode.DirectorateResolveNotAllowed]: {
    status: 403,
    tr: 'Bu müdürlük çözümü doğrudan gönderemez; çözüm önerisi yazın, bir görevli göndersin',
    en: 'This department may not send a resolution itself; propose one for an officer to send',
  },
};
