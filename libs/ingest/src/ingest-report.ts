/** What happened to each event of a batch, in order. */
export type IngestOutcome =
  | 'stored'
  | 'duplicate'
  | 'updated'
  | 'unchanged'
  | 'unknown_account'
  | 'unknown_message'
  | 'rejected';

export interface IngestEventResult {
  outcome: IngestOutcome;
  /** Why the event was rejected or skipped. */
  reason?: string;
  messageId?: string;
  conversationId?: string;
}

export interface IngestReport {
  results: IngestEventResult[];
  stored: number;
  duplicates: number;
  updated: number;
  skipped: number;
  rejected: number;
  /** Conversations touched by this batch, per organization (for live updates and follow-up jobs). */
  touched: { organizationId: string; conversationIds: string[]; newMessageIds: string[] }[];
}
