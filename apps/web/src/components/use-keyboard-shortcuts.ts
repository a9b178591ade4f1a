import { useEffect, useRef } from 'react';

export type ShortcutHandlers = Partial<Record<string, () => void>>;

/** Inputs one does not type into: a row's checkbox keeps the shortcuts working. */
const NOT_TYPED = ['checkbox', 'radio', 'button', 'submit', 'reset'];

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    ['TEXTAREA', 'SELECT'].includes(target.tagName) ||
    (target instanceof HTMLInputElement && !NOT_TYPED.includes(target.type)));

/** Typing in a field, or a modal dialog open: single-letter shortcuts stay out of the way. */
function shouldIgnore(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || isTyping(event.target)) {
    return true;
  }
  return document.querySelector('dialog[open]') !== null;
}

/** Single-key shortcuts on the whole window, by `event.key` ('j', '?', '/'); the latest handlers always run. */
export function useKeyboardShortcuts(handlers: ShortcutHandlers): void {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (shouldIgnore(event)) {
        return;
      }
      const handler = current.current[event.key];
      if (handler) {
        event.preventDefault();
        handler();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
