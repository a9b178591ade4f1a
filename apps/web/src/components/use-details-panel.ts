import { useCallback, useEffect, useMemo, useState } from 'react';

const STORAGE_KEY = 'civic-inbox.details-panel';
/** Same breakpoint as the one-pane-at-a-time layout in styles.css. */
const NARROW = '(max-width: 900px)';

const narrowNow = () => window.matchMedia(NARROW).matches;
const storedOpen = () => localStorage.getItem(STORAGE_KEY) !== 'closed';

/**
 * The conversation's details panel: beside the thread on wide screens, open or closed as the officer
 * left it (remembered in localStorage); a drawer over the thread on tablets, closed until asked for,
 * so the thread is what a tablet shows first.
 */
export function useDetailsPanel(): { open: boolean; narrow: boolean; toggle(): void; close(): void } {
  const [narrow, setNarrow] = useState(narrowNow);
  const [open, setOpen] = useState(() => !narrowNow() && storedOpen());

  useEffect(() => {
    const query = window.matchMedia(NARROW);
    const changed = () => {
      setNarrow(query.matches);
      setOpen(!query.matches && storedOpen());
    };
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, []);

  useEffect(() => {
    if (!narrow) {
      localStorage.setItem(STORAGE_KEY, open ? 'open' : 'closed');
    }
  }, [open, narrow]);
  const toggle = useCallback(() => setOpen((was) => !was), []);
  const close = useCallback(() => setOpen(false), []);
  return useMemo(() => ({ open, narrow, toggle, close }), [open, narrow, toggle, close]);
}
