import { Initial1795449780394 } from './1795449780394-initial.migration';
import { AuditTrail1795450277010 } from './1795450277010-audit-trail.migration';
/** Every migration in order. `npm run migration:generate -- Name` appends here. */
export const MIGRATIONS: Function[] = [
  Initial1795449780394,
  AuditTrail1795450277010,
];
