import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { useLiveStatus } from '../api/queries/live-status';
import { queryKeys } from '../api/queries/query-keys';
import {
  prefetchChannelAccounts,
  prefetchConversations,
  useChannelAccounts,
  useConversations,
  useUnreadConversations,
} from '../api/queries/use-conversations';
import { queryClient } from '../api/query-client';
import type { SessionUser } from '../api/types';
import { BulkActionBar } from '../components/bulk-action-bar';
import type { ConversationListHandle } from '../components/conversation-list';
import { ConversationList } from '../components/conversation-list';
import { ConversationPane } from '../components/conversation-pane';
import { InboxFilters } from '../components/inbox-filters';
import { KeyboardMapDialog } from '../components/keyboard-map-dialog';
import { NotificationSettingsPanel } from '../components/notification-settings-panel';
import { QueryState } from '../components/query-state';
import { useKeyboardShortcuts } from '../components/use-keyboard-shortcuts';
import { useI18n } from '../i18n/i18n';
import type { Permissions } from '../roles';
import { isDirectorateOnly } from '../roles';
import { filtersFromSearch, searchOfFilters } from './inbox-filters-url';
import type { Filters } from './inbox-query';
import { DEFAULT_FILTERS, pinsUrgent, queryOf } from './inbox-query';
import './inbox-list.css';

// Signing in on the inbox: its first page is requested at once, while the app draws itself,
// which takes a few hundred milliseconds off the first screen.
let signedIn = api.current !== null;
api.onChange((session) => {
  const onInbox = location.pathname === '/' || location.pathname.startsWith('/inbox');
  // A directorate user never sees the inbox (the API refuses it): nothing to fetch ahead.
  if (session && !signedIn && onInbox && !isDirectorateOnly(session.user.roles)) {
    void prefetchConversations(queryClient, queryOf(DEFAULT_FILTERS));
    void prefetchChannelAccounts(queryClient);
  }
  signedIn = session !== null;
});

/** Types text into the reply box as if the officer had, so React's state follows. */
function typeIntoReply(box: HTMLTextAreaElement, text: string) {
  const start = box.selectionStart ?? box.value.length;
  const next = box.value.slice(0, start) + text + box.value.slice(box.selectionEnd ?? start);
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(box, next);
  box.dispatchEvent(new Event('input', { bubbles: true }));
  box.setSelectionRange(start + text.length, start + text.length);
}

export function InboxScreen({
  user,
  can,
  selectedId,
}: {
  user: SessionUser;
  can: Permissions;
  selectedId: string | null;
}) {
  const { t, format } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  // The filters live in the address: a reload or a shared link keeps them.
  const [searchParams, setSearchParams] = useSearchParams();
  const { search } = useLocation();
  const filters = useMemo(() => filtersFromSearch(searchParams), [searchParams]);
  const setFilters = useCallback(
    (next: Filters) => setSearchParams(searchOfFilters(next), { replace: true }),
    [setSearchParams],
  );
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [mapOpen, setMapOpen] = useState(false);
  const [report, setReport] = useState<{ message: string; failed: boolean } | null>(null);
  const anchor = useRef<number | null>(null);
  const listHandle = useRef<ConversationListHandle>(null);
  const query = useMemo(() => queryOf(filters), [filters]);
  // The app's one live-event stream refetches this list and the open conversation.
  const live = useLiveStatus();
  const list = useConversations(query);
  const unread = useUnreadConversations().data;
  const accounts = useChannelAccounts().data ?? [];
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const selectedIndex = items.findIndex((c) => c.id === selectedId);

  useEffect(() => {
    const count = unread?.count ?? 0;
    document.title =
      count > 0
        ? t('list.documentTitleUnread', { count: `${format.number(count)}${unread?.more ? '+' : ''}` })
        : t('list.documentTitle');
  }, [unread, t, format]);
  useEffect(() => () => void (document.title = t('app.title')), [t]);

  // A new filter is a new list: a selection made in the old one would act on rows no longer shown.
  useEffect(() => {
    setChecked(new Set());
    anchor.current = null;
  }, [query]);

  const refresh = useCallback(() => void client.invalidateQueries({ queryKey: queryKeys.conversations }), [client]);
  const open = useCallback((id: string) => void navigate({ pathname: `/inbox/${id}`, search }), [navigate, search]);
  const announce = (message: string, failed = false) => setReport({ message, failed });

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  const moveTo = (index: number) => {
    const next = items[index];
    if (next) {
      open(next.id);
      listHandle.current?.scrollToIndex(index);
    }
    if (index >= items.length - 5 && hasNextPage && !isFetchingNextPage) {
      loadMore();
    }
  };

  const toggle = (index: number, range: boolean) => {
    const id = items[index]?.id;
    if (!id) {
      return;
    }
    setChecked((current) => {
      const next = new Set(current);
      if (range && anchor.current !== null) {
        const [from, to] = [Math.min(anchor.current, index), Math.max(anchor.current, index)];
        for (const c of items.slice(from, to + 1)) {
          next.add(c.id);
        }
      } else if (next.has(id)) {
        next.delete(id);
      } else {
        next.add(id);
      }
      return next;
    });
    anchor.current = index;
  };

  const change = (body: object, done: string) => {
    if (!selectedId) {
      return;
    }
    api
      .request(`/api/v1/conversations/${selectedId}`, { method: 'PATCH', body: JSON.stringify(body) })
      .then(() => announce(done))
      .catch(() => announce(t('list.action.failed'), true))
      .finally(refresh);
  };

  const replyBox = () => document.getElementById('reply-text') as HTMLTextAreaElement | null;

  // The conversation pane exposes its "open a case" button as data-action="start-case".
  const startCase = () => {
    const start =
      document.querySelector<HTMLButtonElement>('[data-action="start-case"]') ??
      document.querySelector<HTMLButtonElement>('[data-testid="case-panel"] button');
    if (start) {
      start.focus();
      if (start.dataset.action === 'start-case') {
        start.click();
      }
    } else {
      announce(t('list.action.noCase'));
    }
  };

  useKeyboardShortcuts({
    j: () => moveTo(selectedIndex < 0 ? 0 : Math.min(selectedIndex + 1, items.length - 1)),
    k: () => moveTo(Math.max(selectedIndex - 1, 0)),
    u: () => {
      const after = items.findIndex((c, i) => i > selectedIndex && c.unreadCount > 0);
      const index = after >= 0 ? after : items.findIndex((c) => c.unreadCount > 0 && c.id !== selectedId);
      if (index >= 0) {
        moveTo(index);
      } else {
        announce(t('list.action.noUnread'));
      }
    },
    x: () => {
      if (can.work && selectedIndex >= 0) {
        toggle(selectedIndex, false);
      }
    },
    // Shift+x: everything from the last toggled row to this one, as shift-click does.
    X: () => {
      if (can.work && selectedIndex >= 0) {
        toggle(selectedIndex, true);
      }
    },
    '?': () => setMapOpen(true),
    ...(can.work && selectedId
      ? {
          r: () => replyBox()?.focus(),
          '/': () => {
            const box = replyBox();
            if (box) {
              box.focus();
              typeIntoReply(box, '/');
            }
          },
          e: () => change({ status: 'closed' }, t('list.action.closed')),
          a: () => change({ assigneeId: user.id }, t('list.action.assigned')),
          c: () => {
            // A closed details panel is opened first; the case panel inside it renders on the next frame.
            const toggle = document.querySelector<HTMLButtonElement>('[data-testid="details-toggle"]');
            if (toggle?.getAttribute('aria-expanded') === 'false') {
              toggle.click();
              requestAnimationFrame(() => requestAnimationFrame(startCase));
              return;
            }
            startCase();
          },
        }
      : {}),
  });

  const selectedRows = useMemo(() => items.filter((c) => checked.has(c.id)), [items, checked]);

  return (
    <div className={`inbox${selectedId ? ' has-selection' : ''}`}>
      <section className="pane list" aria-labelledby="inbox-title">
        <div className="list-head">
          <h1 id="inbox-title">{t('inbox.title')}</h1>
          <span className={live ? 'live on' : 'live off'} role="status" data-testid="live-state">
            {live ? `● ${t('inbox.live')}` : t('inbox.offline')}
          </span>
        </div>
        <InboxFilters filters={filters} accounts={accounts} onChange={setFilters} />
        <div className="list-tools" role="group" aria-label={t('list.toolbar')}>
          <button
            type="button"
            className="secondary small-button"
            aria-haspopup="dialog"
            aria-keyshortcuts="?"
            onClick={() => setMapOpen(true)}
          >
            {t('list.keysButton')} <kbd aria-hidden="true">?</kbd>
          </button>
          <NotificationSettingsPanel />
        </div>
        {can.work && selectedRows.length > 0 && (
          <BulkActionBar
            selected={selectedRows}
            can={can}
            onClear={() => {
              setChecked(new Set());
              anchor.current = null;
            }}
            onReport={announce}
          />
        )}
        <p
          className={`action-report${report?.failed ? ' failed' : ''}${report ? '' : ' visually-hidden'}`}
          role="status"
          data-testid="action-report"
        >
          {report?.message}
        </p>
        <QueryState query={list}>
          {() => (
            <ConversationList
              items={items}
              selectedId={selectedId}
              checkedIds={checked}
              selectable={can.work}
              hasNextPage={hasNextPage}
              isFetchingNextPage={isFetchingNextPage}
              fetchNextPage={loadMore}
              onOpen={open}
              onToggle={toggle}
              handle={listHandle}
              pinsUrgent={pinsUrgent(filters)}
            />
          )}
        </QueryState>
      </section>
      {selectedId ? (
        <ConversationPane
          id={selectedId}
          user={user}
          can={can}
          onBack={() => void navigate({ pathname: '/inbox', search })}
        />
      ) : (
        <section className="pane conversation empty-pane" aria-label={t('conv.title')}>
          <p className="muted">{t('inbox.select')}</p>
        </section>
      )}
      <KeyboardMapDialog open={mapOpen} onClose={() => setMapOpen(false)} />
    </div>
  );
}
