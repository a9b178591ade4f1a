import type { EntityManager } from 'typeorm';
import { LiveEventName, publishLiveEvent } from '@civic/live-events';
import type { IngestEventResult, IngestReport } from './ingest-report';
import { countOutcomes } from './ingest-report';

/** The connected account an event belongs to. */
export interface AccountRef {
  id: string;
  organizationId: string;
}

/** Per organization: the conversations a batch changed and the messages it stored. */
export type Touched = Map<string, { conversationIds: Set<string>; newMessageIds: string[] }>;

export function touchedFor(touched: Touched, organizationId: string) {
  let t = touched.get(organizationId);
  if (!t) {
    touched.set(organizationId, (t = { conversationIds: new Set(), newMessageIds: [] }));
  }
  return t;
}

export function mergeTouched(into: Touched, from: Touched): void {
  for (const [organizationId, t] of from) {
    const target = touchedFor(into, organizationId);
    for (const id of t.conversationIds) {
      target.conversationIds.add(id);
    }
    target.newMessageIds.push(...t.newMessageIds);
  }
}

/** Announce updated conversations, delivered to listeners (live updates, other processes) on commit. */
export async function notifyChanged(manager: EntityManager, touched: Touched): Promise<void> {
  for (const [organizationId, t] of touched) {
    await publishLiveEvent(manager, {
      type: LiveEventName.ConversationsChanged,
      organizationId,
      conversationIds: [...t.conversationIds],
      newMessages: 0,
    });
  }
}

export function summarize(results: IngestEventResult[], touched: Touched): IngestReport {
  return {
    results,
    ...countOutcomes(results),
    touched: [...touched].map(([organizationId, t]) => ({
      organizationId,
      conversationIds: [...t.conversationIds],
      newMessageIds: t.newMessageIds,
    })),
  };
}
