import { createContext, type ReactNode, useContext } from 'react';
import { useLiveInvalidation } from './use-live-invalidation';

const LiveStatus = createContext(false);

/** The app's one live-event stream: it refetches what the events touch; screens read only whether it is connected. */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const live = useLiveInvalidation();
  return <LiveStatus.Provider value={live}>{children}</LiveStatus.Provider>;
}

export function useLiveStatus(): boolean {
  return useContext(LiveStatus);
}
