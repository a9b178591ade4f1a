import { ErrorCode } from '../error-code';
import type { CatalogueEntries } from './catalogue-entry';

/** The mayor's briefing (issue 27): the chosen period and neighbourhood. */
export const BRIEFING_ERRORS: CatalogueEntries = {
  [ErrorCode.BriefingPeriodReversed]: {
    status: 400,
    tr: 'Dönemin başlangıcı ({from}) bitişinden ({to}) sonra olamaz',
    en: 'The period’s start ({from}) cannot be after its end ({to})',
  },
  [ErrorCode.BriefingPeriodTooLong]: {
    status: 400,
    tr: 'Dönem en çok {max} gün olabilir',
    en: 'The period may be at most {max} days',
  },
  [ErrorCode.BriefingNeighbourhoodNotFound]: {
    status: 404,
    tr: 'Mahalle bulunamadı (yalnızca geçerli sınırlardaki mahalleler seçilebilir)',
    en: 'Neighbourhood not found (only the neighbourhoods of the active boundaries can be chosen)',
  },
};
