/** PostgreSQL NOTIFY channel on which ingest and the inbox announce changes to every process. */
export const LIVE_EVENTS_CHANNEL = 'civic_live_events';

export interface LiveEvent {
  type: string;
  organizationId: string;
  conversationIds?: string[];
  [key: string]: unknown;
}
