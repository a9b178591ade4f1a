/**
 * What one caller may see inside their organization: every channel account (accountIds null) or
 * only the granted ones. Scoped stores and services take an AccountScope instead of a bare
 * organization id, so a read that forgets the grants does not compile. Built only by
 * AccountAccessService (for a signed-in caller) or by wholeOrganization (an explicit bypass).
 */
export class AccountScope {
  private constructor(
    readonly organizationId: string,
    /** Granted channel account ids, or null for every account of the organization. */
    readonly accountIds: readonly string[] | null,
    /**
     * A directorate (müdürlük) scope: no channel account at all, and only the cases of this department
     * (null: a directorate user without a department, who sees no case). Undefined for every other scope.
     */
    readonly directorateDepartmentId?: string | null,
  ) {}

  /**
   * A directorate user's scope: no conversation, contact or account-wide list (no account is granted),
   * and cases only of their department (caseAccountCondition reads directorateDepartmentId).
   */
  static directorate(organizationId: string, departmentId: string | null): AccountScope {
    return new AccountScope(organizationId, Object.freeze([]), departmentId);
  }

  /** The scope limits cases to one department (a directorate user), whatever their channel account. */
  get directorate(): boolean {
    return this.directorateDepartmentId !== undefined;
  }

  /** @internal For AccountAccessService: the grants resolved for a signed-in caller. */
  static granted(organizationId: string, accountIds: readonly string[] | null): AccountScope {
    return new AccountScope(organizationId, accountIds === null ? null : Object.freeze([...accountIds]));
  }

  /**
   * Explicit bypass of account grants, never of the organization: workers, external bodies' signed
   * webhooks, and organization-wide administration (departments, categories, routing rules).
   */
  static wholeOrganization(organizationId: string): AccountScope {
    return new AccountScope(organizationId, null);
  }

  get restricted(): boolean {
    return this.accountIds !== null;
  }

  includes(accountId: string | null | undefined): boolean {
    return this.accountIds === null || (!!accountId && this.accountIds.includes(accountId));
  }

  /** SQL condition limiting `column` (a channel account id) to the scope; appends its parameter. */
  accountCondition(column: string, params: unknown[]): string {
    if (this.accountIds === null) {
      return 'TRUE';
    }
    params.push(this.accountIds);
    return `${column} = ANY($${params.length}::uuid[])`;
  }
}
