import { Initial1795449780394 } from './1795449780394-initial.migration';
import { InboxNotesCannedResponses1795450258753 } from './1795450258753-inbox-notes-canned-responses.migration';
import { AuthHardening1795450259177 } from './1795450259177-auth-hardening.migration';
import { AuditTrail1795450277010 } from './1795450277010-audit-trail.migration';
import { ReplyDispatch1795450400000 } from './1795450400000-reply-dispatch.migration';
/** Every migration in order. `npm run migration:generate -- Name` appends here. */
export const MIGRATIONS: Function[] = [
  Initial1795449780394,
  InboxNotesCannedResponses1795450258753,
  AuthHardening1795450259177,
  AuditTrail1795450277010,
  ReplyDispatch1795450400000,
];
