import type { AccountScope } from '@civic/auth';

/**
 * The account grants applied to cases: a social case is visible through its channel account; a case
 * recorded by hand (no account: phone, walk-in, e-mail, CİMER) belongs to the whole organization,
 * so every officer who may work cases sees it. A directorate scope sees its department's cases only.
 */
export function caseAccountCondition(scope: AccountScope, column: string, params: unknown[]): string {
  // A directorate scope: its department's cases only, on any account or none. The department column
  // sits beside the account column (`k.channel_account_id` -> `k.department_id`).
  if (scope.directorate) {
    if (!scope.directorateDepartmentId) {
      return 'FALSE';
    }
    params.push(scope.directorateDepartmentId);
    return `${column.replace(/channel_account_id$/, 'department_id')} = $${params.length}::uuid`;
  }
  const granted = scope.accountCondition(column, params);
  return granted === 'TRUE' ? granted : `(${column} IS NULL OR ${granted})`;
}
