import type { LiveEvent } from './live-events';

type Listener = (event: LiveEvent) => void;

const listeners = new Set<Listener>();

/**
 * Hears every event of the app's one live stream (use-live-invalidation forwards them here), so a
 * feature can react to an event without opening a second stream.
 */
export function addLiveEventListener(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitLiveEvent(event: LiveEvent): void {
  for (const listener of listeners) {
    listener(event);
  }
}
