import { api } from './client';

export interface LiveEvent {
  type: string;
  conversationIds?: string[];
  /** conversations.changed: how many new messages ingest stored. */
  newMessages?: number;
  /** conversation.presence: who views or types (never the signed-in officer; see use-conversation-presence). */
  userId?: string;
  displayName?: string;
  state?: 'viewing' | 'typing' | 'left';
  viewingSeconds?: number;
  typingSeconds?: number;
}

type Handler = (event: LiveEvent) => void;
type StateHandler = (connected: boolean) => void;

const EVENT_TYPES = ['conversations.changed', 'conversation.updated', 'conversation.presence'];

/**
 * Server-sent events from /api/v1/events. EventSource cannot send headers, so the access token goes
 * in the query; when it expires the stream closes and we reconnect with a refreshed one.
 */
export function subscribeLiveEvents(onEvent: Handler, onState: StateHandler): () => void {
  let source: EventSource | null = null;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | null = null;

  const connect = async () => {
    const token = source ? await api.freshToken() : api.current?.accessToken;
    if (stopped || !token) {
      return;
    }
    source = new EventSource(`/api/v1/events?access_token=${encodeURIComponent(token)}`);
    source.addEventListener('ready', () => onState(true));
    for (const type of EVENT_TYPES) {
      source.addEventListener(type, (message) => {
        try {
          onEvent({ type, ...(JSON.parse((message as MessageEvent<string>).data) as object) });
        } catch {
          onEvent({ type });
        }
      });
    }
    source.onerror = () => {
      onState(false);
      // The browser retries by itself unless the server refused (e.g. expired token): then we do.
      if (source?.readyState === EventSource.CLOSED && !stopped) {
        source.close();
        retry = setTimeout(() => void connect(), 2000);
      }
    };
  };
  void connect();
  return () => {
    stopped = true;
    if (retry) {
      clearTimeout(retry);
    }
    source?.close();
  };
}
