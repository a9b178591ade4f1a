/** What a feature tells the audit trail; organization, sequence, time and hashes are filled in by AuditService. */
export interface AuditEntry {
  organizationId: string;
  /** Null for the system itself (scheduled jobs, channel webhooks). */
  actorUserId?: string | null;
  /** Readable actor: the user's e-mail, "system", "channel:whatsapp". Omitted: the user's e-mail is looked up. */
  actorLabel?: string;
  /** Dotted verb: "reply.sent", "conversation.assigned", "export.created", "user.login". */
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
  /** Defaults to now; millisecond precision so the stored value hashes the same when read back. */
  occurredAt?: Date;
}
