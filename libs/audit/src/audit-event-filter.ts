/** Filters of the audit-event listing; `before` is the keyset cursor (a seq). */
export interface AuditEventFilter {
  from?: Date;
  to?: Date;
  action?: string;
  actor?: string;
  targetType?: string;
  targetId?: string;
  before?: string;
  limit?: number;
}
