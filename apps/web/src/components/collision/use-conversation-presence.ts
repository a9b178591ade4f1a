import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { addLiveEventListener } from '../../api/live-event-listeners';

/** The heartbeat: well within the server's viewing lifetime (40 s). */
const HEARTBEAT_MS = 15_000;
/** "Typing" is reported at most this often while the officer types. */
const TYPING_REPORT_MS = 3_000;
/** A keystroke this recent makes the heartbeat say "typing". */
const TYPING_RECENT_MS = 4_000;

export interface PresentOfficer {
  userId: string;
  displayName: string;
  state: 'viewing' | 'typing';
}

interface Entry {
  displayName: string;
  viewingUntil: number;
  typingUntil: number;
}

interface PresenceAnswer {
  others: PresentOfficer[];
  viewingSeconds: number;
  typingSeconds: number;
}

type State = 'viewing' | 'typing' | 'left';

/**
 * The collision guard (issue 26): tells the api that the signed-in officer views this conversation
 * (a heartbeat) and, throttled, types in its reply box; answers who else does. Others' reports come
 * over the live stream (conversation.presence) and lapse locally after the lifetime they carry.
 */
export function useConversationPresence(conversationId: string, enabled: boolean) {
  const [entries, setEntries] = useState<Map<string, Entry>>(new Map());
  const [now, setNow] = useState(() => Date.now());
  const lastKeystroke = useRef(0);
  const lastTypingReport = useRef(0);

  const report = useCallback(
    (state: State, keepalive = false) => {
      if (!enabled) {
        return;
      }
      api
        .request<PresenceAnswer>(`/api/v1/conversations/${conversationId}/presence`, {
          method: 'POST',
          body: JSON.stringify({ state }),
          ...(keepalive ? { keepalive: true } : {}),
        })
        .then((answer) => {
          if (state === 'left' || !answer) {
            return;
          }
          // The answer is the server's whole picture: it replaces ours.
          const at = Date.now();
          setEntries(
            new Map(
              answer.others.map((o) => [
                o.userId,
                {
                  displayName: o.displayName,
                  viewingUntil: at + answer.viewingSeconds * 1000,
                  typingUntil: o.state === 'typing' ? at + answer.typingSeconds * 1000 : 0,
                },
              ]),
            ),
          );
        })
        .catch(() => undefined);
    },
    [conversationId, enabled],
  );

  useEffect(() => {
    setEntries(new Map());
    if (!enabled) {
      return;
    }
    report('viewing');
    const beat = setInterval(
      () => report(Date.now() - lastKeystroke.current < TYPING_RECENT_MS ? 'typing' : 'viewing'),
      HEARTBEAT_MS,
    );
    const leave = () => report('left', true);
    window.addEventListener('pagehide', leave);
    const stop = addLiveEventListener((event) => {
      if (event.type !== 'conversation.presence' || event.conversationIds?.[0] !== conversationId || !event.userId) {
        return;
      }
      const at = Date.now();
      const { userId, displayName = '', state, viewingSeconds = 0, typingSeconds = 0 } = event;
      setEntries((current) => {
        const next = new Map(current);
        if (state === 'left') {
          next.delete(userId);
        } else {
          next.set(userId, {
            displayName,
            viewingUntil: at + viewingSeconds * 1000,
            typingUntil: state === 'typing' ? at + typingSeconds * 1000 : 0,
          });
        }
        return next;
      });
    });
    return () => {
      clearInterval(beat);
      stop();
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [conversationId, enabled, report]);

  // A clock while anyone is shown, so "typing" and "viewing" lapse on time.
  const anyone = entries.size > 0;
  useEffect(() => {
    if (!anyone) {
      return;
    }
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [anyone]);

  /** A keystroke in the reply box: reported as "typing" at most every few seconds. */
  const typing = useCallback(() => {
    const at = Date.now();
    lastKeystroke.current = at;
    if (at - lastTypingReport.current >= TYPING_REPORT_MS) {
      lastTypingReport.current = at;
      report('typing');
    }
  }, [report]);

  /** The reply went out or the box was emptied: no longer typing. */
  const idle = useCallback(() => {
    if (lastKeystroke.current === 0) {
      return;
    }
    lastKeystroke.current = 0;
    lastTypingReport.current = 0;
    report('viewing');
  }, [report]);

  const others: PresentOfficer[] = [...entries.entries()]
    .filter(([, e]) => e.viewingUntil > now)
    .map(([userId, e]) => ({ userId, displayName: e.displayName, state: e.typingUntil > now ? 'typing' : 'viewing' }));
  return { others, typing, idle };
}
