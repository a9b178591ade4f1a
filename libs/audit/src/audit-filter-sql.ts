import type { AuditEventFilter } from './audit-event-filter';

/**
 * The WHERE clause of an audit listing (columns of audit_event, unqualified) with its parameters,
 * starting with the organization as $1. Shared by the raw listing and the named trail.
 */
export function auditFilterSql(organizationId: string, filter: AuditEventFilter): { where: string; params: unknown[] } {
  const where = ['organization_id = $1'];
  const params: unknown[] = [organizationId];
  const add = (sql: string, ...values: unknown[]) => {
    let clause = sql;
    for (const value of values) {
      params.push(value);
      clause = clause.replace('?', `$${params.length}`);
    }
    where.push(clause);
  };
  if (filter.from) {
    add('occurred_at >= ?', filter.from);
  }
  if (filter.to) {
    add('occurred_at < ?', filter.to);
  }
  if (filter.action) {
    // "case.*" is every action of a domain; anything else is one exact action.
    if (filter.action.endsWith('.*')) {
      add('action LIKE ?', `${filter.action.slice(0, -1).replace(/[\\%_]/g, '\\$&')}%`);
    } else {
      add('action = ?', filter.action);
    }
  }
  if (filter.actor) {
    add('(actor_user_id::text = ? OR actor_label = ?)', filter.actor, filter.actor);
  }
  if (filter.targetType) {
    add('target_type = ?', filter.targetType);
  }
  if (filter.targetId) {
    add('target_id = ?', filter.targetId);
  }
  if (filter.before) {
    add('seq < ?', filter.before);
  }
  return { where: where.join(' AND '), params };
}
