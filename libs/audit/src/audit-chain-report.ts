/** Result of recomputing an organization's audit chain. */
export interface AuditChainReport {
  ok: boolean;
  organizationId: string;
  /** Events examined (up to and including the first broken one). */
  checked: number;
  /** Sequence and hash of the last event, when the chain is intact. */
  head: { seq: string; hash: string; eventId: string } | null;
  firstBrokenEventId?: string;
  firstBrokenSeq?: string;
  reason?: string;
}
