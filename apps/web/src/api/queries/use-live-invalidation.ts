import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { emitLiveEvent } from '../live-event-listeners';
import { subscribeLiveEvents } from '../live-events';
import { queryKeys } from './query-keys';

/**
 * Live events from the api refetch what they touch: the inbox lists, the conversations named, and
 * the cases (a reply or a status change can move a case). Bursts are batched into one refetch.
 * Returns whether the stream is connected.
 */
export function useLiveInvalidation(): boolean {
  const client = useQueryClient();
  const [live, setLive] = useState(false);
  const pending = useRef<{ all: boolean; ids: Set<string> }>({ all: false, ids: new Set() });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const flush = () => {
      const { all, ids } = pending.current;
      pending.current = { all: false, ids: new Set() };
      void client.invalidateQueries({ queryKey: [...queryKeys.conversations, 'list'] });
      if (all) {
        void client.invalidateQueries({ queryKey: queryKeys.conversations });
      } else {
        for (const id of ids) {
          void client.invalidateQueries({ queryKey: queryKeys.conversation(id) });
          void client.invalidateQueries({ queryKey: queryKeys.conversationThread(id) });
        }
      }
      void client.invalidateQueries({ queryKey: queryKeys.cases });
    };
    const stop = subscribeLiveEvents((event) => {
      emitLiveEvent(event);
      // Who views or types changes nothing stored: its listener (use-conversation-presence) is enough.
      if (event.type === 'conversation.presence') {
        return;
      }
      if (event.conversationIds) {
        for (const id of event.conversationIds) {
          pending.current.ids.add(id);
        }
      } else {
        pending.current.all = true;
      }
      if (timer.current) {
        clearTimeout(timer.current);
      }
      timer.current = setTimeout(flush, 250);
    }, setLive);
    return () => {
      stop();
      if (timer.current) {
        clearTimeout(timer.current);
      }
    };
  }, [client]);
  return live;
}
