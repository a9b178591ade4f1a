import { ErrorCode } from '../error-code';
import type { CatalogueEntries } from './catalogue-entry';

/** Automation rules (issue 26). */
export const AUTOMATION_RULE_ERRORS: CatalogueEntries = {
  [ErrorCode.AutomationRuleNotFound]: {
    status: 404,
    tr: 'Otomasyon kuralı bulunamadı',
    en: 'Automation rule not found',
  },
  [ErrorCode.AutomationRuleOrderMismatch]: {
    status: 400,
    tr: 'Sıralama, kuralların her birini bir kez içermeli',
    en: 'The order must list every rule exactly once',
  },
};
