import { useCallback, useEffect, useRef, useState } from 'react';

/** Seconds an officer has to take a reply back before it is sent. */
export const UNDO_SECONDS = 5;

export interface PendingSend<T> {
  conversationId: string;
  payload: T;
  /** When the request goes out (ms since epoch). */
  sendsAt: number;
}

/**
 * A send held back for UNDO_SECONDS: nothing reaches the API until the time is up, so "undo" stores
 * nothing. Leaving the conversation (or the page) sends it at once instead of losing it.
 */
export function useUndoableSend<T>(conversationId: string, send: (pending: PendingSend<T>) => void) {
  const [pending, setPending] = useState<PendingSend<T> | null>(null);
  const current = useRef<{ item: PendingSend<T>; timer: ReturnType<typeof setTimeout> } | null>(null);
  const sendRef = useRef(send);
  sendRef.current = send;

  const flush = useCallback(() => {
    const held = current.current;
    if (!held) {
      return;
    }
    clearTimeout(held.timer);
    current.current = null;
    setPending(null);
    sendRef.current(held.item);
  }, []);

  const schedule = useCallback(
    (payload: T) => {
      flush();
      const item = { conversationId, payload, sendsAt: Date.now() + UNDO_SECONDS * 1000 };
      current.current = { item, timer: setTimeout(flush, UNDO_SECONDS * 1000) };
      setPending(item);
    },
    [conversationId, flush],
  );

  /** Takes the held send back; its payload, so the text returns to the box. */
  const undo = useCallback((): T | null => {
    const held = current.current;
    if (!held) {
      return null;
    }
    clearTimeout(held.timer);
    current.current = null;
    setPending(null);
    return held.item.payload;
  }, []);

  // Another conversation, another screen: the held reply goes now.
  useEffect(() => flush, [conversationId, flush]);
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [flush]);

  return { pending, schedule, undo, flush };
}
