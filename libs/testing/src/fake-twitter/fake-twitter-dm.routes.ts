import { invalidRequest } from './fake-twitter-http.error';
import type { FakeTwitterMedia } from './fake-twitter-media';
import type { Json, Query } from './fake-twitter-wire';
import {
  compareIds,
  conversationId,
  DEFAULT_DM_FIELDS,
  fields,
  maxResults,
  paginate,
  project,
} from './fake-twitter-wire';
import type { FakeTwitterStore } from './fake-twitter.store';

/** `GET /2/dm_events` (participantId null) and `GET /2/dm_conversations/with/:id/dm_events`, as `me` sees them. */
export function listDmEvents(store: FakeTwitterStore, me: string, participantId: string | null, query: Query): Json {
  const types = query.get('event_types')?.split(',');
  const conversation = participantId ? conversationId(me, participantId) : null;
  const events = [...store.dmEvents.values()]
    .filter((event) => event.dm_conversation_id.split('-').includes(me))
    .filter((event) => !conversation || event.dm_conversation_id === conversation)
    .filter((event) => !types || types.includes(event.event_type))
    .sort((a, b) => compareIds(b.id, a.id));
  const pageSize = maxResults(query, 1, 100, 100);
  const { page, nextToken, previousToken } = paginate(events, query.get('pagination_token'), pageSize);
  const eventFields = fields(query, 'dm_event.fields', DEFAULT_DM_FIELDS);
  const expansions = fields(query, 'expansions', []);
  const userIds = new Set<string>();
  const mediaKeys = new Set<string>();
  for (const event of page) {
    if (expansions.includes('sender_id')) {
      userIds.add(event.sender_id);
    }
    if (expansions.includes('participant_ids')) {
      for (const id of event.dm_conversation_id.split('-')) {
        userIds.add(id);
      }
    }
    if (expansions.includes('attachments.media_keys')) {
      for (const key of event.attachments?.media_keys ?? []) {
        mediaKeys.add(key);
      }
    }
  }
  const includes = store.includes(query, userIds, mediaKeys, new Set(), []);
  return {
    ...(page.length ? { data: page.map((event) => project(event, eventFields)) } : {}),
    ...(Object.keys(includes).length ? { includes } : {}),
    meta: {
      result_count: page.length,
      ...(nextToken ? { next_token: nextToken } : {}),
      ...(previousToken ? { previous_token: previousToken } : {}),
    },
  };
}

/** `POST /2/dm_conversations/with/:id/messages`: text and/or finalized uploads. */
export function sendDm(
  store: FakeTwitterStore,
  uploads: FakeTwitterMedia,
  me: string,
  participantId: string,
  body: unknown,
): Json {
  const payload = (body ?? {}) as { text?: string; attachments?: { media_id?: string }[] };
  const attachments = payload.attachments ?? [];
  if ((typeof payload.text !== 'string' || !payload.text.length) && attachments.length === 0) {
    throw invalidRequest('text', 'text or attachments is required');
  }
  if (attachments.some((a) => !a.media_id || !uploads.uploads.get(a.media_id)?.finalized)) {
    throw invalidRequest('attachments', 'attachments.media_id must name a finalized upload');
  }
  const event = store.addDm({ senderId: me, recipientId: participantId, text: payload.text ?? '' });
  // Shape of dm_send_to_participant_response_2022.json.
  return { data: { dm_conversation_id: event.dm_conversation_id, dm_event_id: event.id } };
}
