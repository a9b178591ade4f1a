/** What happened to each event of a batch, in order. */
export type IngestOutcome =
  | 'stored'
  | 'duplicate'
  | 'updated'
  | 'unchanged'
  | 'unknown_account'
  | 'unknown_message'
  /** An edit, deletion or status whose message is not stored yet: kept and applied once it is. */
  | 'deferred'
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

/** The report's counts for a list of per-event results. */
export function countOutcomes(results: IngestEventResult[]): Omit<IngestReport, 'results' | 'touched'> {
  const counts = { stored: 0, duplicates: 0, updated: 0, skipped: 0, rejected: 0 };
  for (const { outcome } of results) {
    if (outcome === 'stored') {
      counts.stored++;
    } else if (outcome === 'duplicate') {
      counts.duplicates++;
    } else if (outcome === 'updated') {
      counts.updated++;
    } else if (outcome === 'rejected') {
      counts.rejected++;
    } else {
      counts.skipped++;
    }
  }
  return counts;
}
