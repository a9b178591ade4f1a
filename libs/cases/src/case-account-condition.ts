import type { AccountScope } from '@civic/auth';

/**
 * The account grants applied to cases: a social case is visible through its channel account; a case
 * recorded by hand (no account: phone, walk-in, e-mail, CİMER) belongs to the whole organization,
 * so every officer who may work cases sees it.
 */
export function caseAccountCondition(scope: AccountScope, column: string, params: unknown[]): string {
  const granted = scope.accountCondition(column, params);
  return granted === 'TRUE' ? granted : `(${column} IS NULL OR ${granted})`;
}
