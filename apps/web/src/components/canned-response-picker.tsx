import type { KeyboardEvent } from 'react';
import { useEffect, useId, useMemo, useState } from 'react';
import { api } from '../api/client';
import { useCannedResponses } from '../api/queries/use-conversations';
import type { CannedResponse, RenderedCannedResponse } from '../api/types';
import { useI18n } from '../i18n/i18n';

const SHOWN = 8;

/** Turkish folding for search: "Teşekkür" and "tesekkur", "IŞIK" and "isik" match. */
export function foldTurkish(text: string): string {
  return text
    .toLocaleLowerCase('tr-TR')
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** The "/query" the caret stands after, at the start of the box or of a word; null when there is none. */
export function slashTokenAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)\/([^\s/]*)$/.exec(text.slice(0, caret));
  return match ? { start: caret - match[2].length - 1, query: match[2] } : null;
}

type Canned = CannedResponse & { shortcut?: string | null; shared?: boolean };

/** Matches every word of the query in title, shortcut or body; shortcut and title matches first. */
export function searchCanned(all: Canned[], query: string): Canned[] {
  const words = foldTurkish(query).split(/\s+/).filter(Boolean);
  const scored = all.flatMap((c) => {
    const shortcut = foldTurkish(c.shortcut?.replace(/^\//, '') ?? '');
    const title = foldTurkish(c.title);
    const haystack = `${shortcut} ${title} ${foldTurkish(c.body)}`;
    if (!words.every((w) => haystack.includes(w))) {
      return [];
    }
    const first = words[0] ?? '';
    const rank = !first
      ? 0
      : shortcut.startsWith(first)
        ? 0
        : title.startsWith(first)
          ? 1
          : title.includes(first)
            ? 2
            : 3;
    return [{ c, rank }];
  });
  return scored
    .sort((a, b) => a.rank - b.rank || a.c.title.localeCompare(b.c.title, 'tr'))
    .map((s) => s.c)
    .slice(0, SHOWN);
}

interface Options {
  conversationId: string;
  text: string;
  setText(text: string, caret: number): void;
  onMissing(fields: string[]): void;
  onError(message: string): void;
}

/**
 * "/" in the reply box: a listbox of the officer's personal and the shared canned responses, filtered
 * by what follows the slash; arrows move, Enter or Tab inserts the response rendered for this
 * conversation (the citizen's name, the case number …), Escape closes. Focus stays in the box, which
 * points at the active option (aria-activedescendant).
 */
export function useCannedPicker({ conversationId, text, setText, onMissing, onError }: Options) {
  const { t } = useI18n();
  const listId = useId();
  const all = (useCannedResponses().data ?? []) as Canned[];
  const [token, setToken] = useState<{ start: number; query: string } | null>(null);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const matches = useMemo(() => (token ? searchCanned(all, token.query) : []), [all, token]);
  const open = token !== null && dismissed !== token.start;

  useEffect(() => setActive(0), [token?.query]);
  useEffect(() => {
    setToken(null);
    setDismissed(null);
  }, [conversationId]);

  /** Call after every change of the text or the caret. */
  const follow = (value: string, caret: number) => setToken(slashTokenAt(value, caret));

  const insert = async (picked: Canned) => {
    const at = token;
    if (!at) {
      return;
    }
    setToken(null);
    try {
      const rendered = await api.request<RenderedCannedResponse>(
        `/api/v1/canned-responses/${picked.id}/render?conversationId=${encodeURIComponent(conversationId)}`,
      );
      const end = at.start + 1 + at.query.length;
      setText(text.slice(0, at.start) + rendered.text + text.slice(end), at.start + rendered.text.length);
      if (rendered.missing.length) {
        onMissing(rendered.missing);
      }
    } catch (e) {
      onError((e as Error).message);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open) {
      return false;
    }
    if (event.key === 'Escape') {
      setDismissed(token.start);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (matches.length ? (i + step + matches.length) % matches.length : 0));
    } else if ((event.key === 'Enter' || event.key === 'Tab') && matches[active] && !event.ctrlKey && !event.metaKey) {
      void insert(matches[active]);
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  };

  const optionId = (i: number) => `${listId}-option-${i}`;
  const inputProps = {
    'aria-autocomplete': 'list' as const,
    'aria-controls': open && matches.length > 0 ? listId : undefined,
    'aria-activedescendant': open && matches[active] ? optionId(active) : undefined,
  };

  const picker = open ? (
    <div className="canned-picker" data-testid="canned-picker">
      {matches.length > 0 && (
        <ul id={listId} role="listbox" aria-label={t('ws.canned.list')}>
          {matches.map((c, i) => (
            <li
              key={c.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              // mousedown, not click: the box keeps focus and the caret.
              onMouseDown={(e) => {
                e.preventDefault();
                void insert(c);
              }}
            >
              <span className="canned-title">
                {c.title}
                {c.shortcut && <span className="canned-shortcut"> /{c.shortcut.replace(/^\//, '')}</span>}
                {c.shared !== undefined && (
                  <span className="canned-scope">{c.shared ? t('ws.canned.shared') : t('ws.canned.personal')}</span>
                )}
              </span>
              <span className="canned-body">{c.body}</span>
            </li>
          ))}
        </ul>
      )}
      {matches.length === 0 && (
        <p className="muted small" role="status">
          {all.length === 0 ? t('ws.canned.noneYet') : t('ws.canned.noMatch')}
        </p>
      )}
      <p className="muted small canned-hint">{t('ws.canned.hint')}</p>
    </div>
  ) : null;

  return { follow, onKeyDown, inputProps, picker, open };
}
