import { ErrorCode } from '../error-code';
import type { CatalogueEntries } from './catalogue-entry';

/** Cases, categories, departments, routing rules and the public service requests. */
export const CASE_ERRORS: CatalogueEntries = {
  [ErrorCode.CaseNotFound]: { status: 404, tr: 'Başvuru bulunamadı', en: 'Case not found' },
  [ErrorCode.CaseMergeIntoMerged]: {
    status: 409,
    tr: 'Birleştirilmiş bir başvuruya birleştirilemez',
    en: 'Cannot merge into a merged case',
  },
  [ErrorCode.CaseTransitionNotAllowed]: {
    status: 409,
    tr: 'Başvuru durumu {from} iken {to} yapılamaz',
    en: 'A case cannot go from {from} to {to}',
  },
  [ErrorCode.ForwardedCaseNotFound]: {
    status: 404,
    tr: 'Bu kuruma bu numarayla iletilmiş bir başvuru yok',
    en: 'No case forwarded to this body has this id',
  },
  [ErrorCode.CategoryNotFound]: { status: 404, tr: 'Kategori bulunamadı', en: 'Category not found' },
  [ErrorCode.CategoryCodeTaken]: {
    status: 409,
    tr: 'Bu kodla bir kategori zaten var',
    en: 'A category with this code already exists',
  },
  [ErrorCode.DepartmentNotFound]: {
    status: 404,
    tr: 'Müdürlük ya da dış kurum bulunamadı',
    en: 'Department or external body not found',
  },
  [ErrorCode.DepartmentNameTaken]: {
    status: 409,
    tr: 'Bu adla bir müdürlük ya da dış kurum zaten var',
    en: 'A department or external body with this name already exists',
  },
  [ErrorCode.RoutingRuleNotFound]: { status: 404, tr: 'Yönlendirme kuralı bulunamadı', en: 'Routing rule not found' },
  [ErrorCode.PublicDataNotPublished]: {
    status: 404,
    tr: 'Bu kurum için açık veri yayımlanmıyor',
    en: 'No public data for this organization',
  },
  [ErrorCode.ServiceRequestNotFound]: { status: 404, tr: 'Başvuru bulunamadı', en: 'Service request not found' },
};
