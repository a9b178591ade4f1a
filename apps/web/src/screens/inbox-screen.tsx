import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { useLiveStatus } from '../api/queries/live-status';
import { queryKeys } from '../api/queries/query-keys';
import { useChannelAccounts, useConversations } from '../api/queries/use-conversations';
import type { SessionUser } from '../api/types';
import { ConversationListItem } from '../components/conversation-list-item';
import { ConversationPane } from '../components/conversation-pane';
import { QueryState } from '../components/query-state';
import { useI18n } from '../i18n/i18n';
import type { Permissions } from '../roles';

interface Filters {
  q: string;
  channel: string;
  accountId: string;
  status: string;
  assignee: string;
  unread: boolean;
}

const EMPTY: Filters = { q: '', channel: '', accountId: '', status: '', assignee: '', unread: false };
const PAGE = 50;

function queryOf(filters: Filters): string {
  const params = new URLSearchParams({ limit: String(PAGE) });
  if (filters.q.trim().length >= 2) {
    params.set('q', filters.q.trim());
  }
  for (const key of ['channel', 'accountId', 'status', 'assignee'] as const) {
    if (filters[key]) {
      params.set(key, filters[key]);
    }
  }
  if (filters.unread) {
    params.set('unread', 'true');
  }
  return params.toString();
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function InboxScreen({
  user,
  can,
  selectedId,
}: {
  user: SessionUser;
  can: Permissions;
  selectedId: string | null;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [search, setSearch] = useState('');
  const selectedRef = useRef(selectedId);
  selectedRef.current = selectedId;
  const query = useMemo(() => queryOf(filters), [filters]);
  // The app's one live-event stream refetches this list and the open conversation.
  const live = useLiveStatus();
  const list = useConversations(query);
  const accounts = useChannelAccounts().data ?? [];
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);

  useEffect(() => {
    // Search as the officer types, without a request per keystroke.
    const timer = setTimeout(() => setFilters((f) => (f.q === search ? f : { ...f, q: search })), 300);
    return () => clearTimeout(timer);
  }, [search]);

  const refresh = useCallback(() => void client.invalidateQueries({ queryKey: queryKeys.conversations }), [client]);

  const open = useCallback((id: string) => void navigate(`/inbox/${id}`), [navigate]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) {
        return;
      }
      const index = items.findIndex((c) => c.id === selectedRef.current);
      if (event.key === 'j' || event.key === 'k') {
        const next = items[event.key === 'j' ? Math.min(index + 1, items.length - 1) : Math.max(index - 1, 0)];
        if (next) {
          event.preventDefault();
          open(next.id);
          document
            .querySelector<HTMLElement>(`[data-conversation-id="${next.id}"]`)
            ?.scrollIntoView({ block: 'nearest' });
        }
      } else if (event.key === 'r' && can.work && selectedRef.current) {
        const box = document.getElementById('reply-text');
        if (box) {
          event.preventDefault();
          box.focus();
        }
      } else if (event.key === 'e' && can.work && selectedRef.current) {
        event.preventDefault();
        const id = selectedRef.current;
        void api
          .request(`/api/v1/conversations/${id}`, { method: 'PATCH', body: JSON.stringify({ status: 'closed' }) })
          .then(refresh);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, can.work, open, refresh]);

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }));

  return (
    <div className={`inbox${selectedId ? ' has-selection' : ''}`}>
      <section className="pane list" aria-labelledby="inbox-title">
        <div className="list-head">
          <h1 id="inbox-title">{t('inbox.title')}</h1>
          <span className={live ? 'live on' : 'live off'} role="status" data-testid="live-state">
            {live ? `● ${t('inbox.live')}` : t('inbox.offline')}
          </span>
        </div>
        <form className="filters" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
          <label className="search">
            <span className="visually-hidden">{t('filters.search')}</span>
            <input
              type="search"
              aria-label={t('filters.search')}
              placeholder={t('filters.searchPlaceholder')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          </label>
          <label>
            <span className="visually-hidden">{t('filters.channel')}</span>
            <select
              aria-label={t('filters.channel')}
              value={filters.channel}
              onChange={(e) => set('channel', e.target.value)}
            >
              <option value="">
                {t('filters.channel')}: {t('filters.all')}
              </option>
              {(['facebook', 'instagram', 'whatsapp', 'twitter'] as const).map((c) => (
                <option key={c} value={c}>
                  {t(`channel.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="visually-hidden">{t('filters.account')}</span>
            <select
              aria-label={t('filters.account')}
              value={filters.accountId}
              onChange={(e) => set('accountId', e.target.value)}
            >
              <option value="">
                {t('filters.account')}: {t('filters.all')}
              </option>
              {accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {t(`channel.${a.channel}`)} · {a.ownerLabel ?? ''} · {a.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="visually-hidden">{t('filters.status')}</span>
            <select
              aria-label={t('filters.status')}
              value={filters.status}
              onChange={(e) => set('status', e.target.value)}
            >
              <option value="">
                {t('filters.status')}: {t('filters.all')}
              </option>
              {(['open', 'pending', 'resolved', 'closed'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="visually-hidden">{t('filters.assignee')}</span>
            <select
              aria-label={t('filters.assignee')}
              value={filters.assignee}
              onChange={(e) => set('assignee', e.target.value)}
            >
              <option value="">
                {t('filters.assignee')}: {t('filters.all')}
              </option>
              <option value="me">{t('filters.me')}</option>
              <option value="nobody">{t('filters.nobody')}</option>
            </select>
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={filters.unread} onChange={(e) => set('unread', e.target.checked)} />
            {t('filters.unread')}
          </label>
        </form>
        <p className="muted small shortcuts">{t('inbox.shortcuts')}</p>
        <QueryState query={list}>
          {() => (
            <ul className="conversation-list" aria-label={t('inbox.list')} data-testid="conversation-list">
              {items.length === 0 && <li className="muted empty">{t('inbox.empty')}</li>}
              {items.map((c) => (
                <ConversationListItem
                  key={c.id}
                  conversation={c}
                  selected={c.id === selectedId}
                  onOpen={() => open(c.id)}
                />
              ))}
            </ul>
          )}
        </QueryState>
        {list.hasNextPage && (
          <button
            type="button"
            className="secondary more"
            disabled={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {t('inbox.more')}
          </button>
        )}
      </section>
      {selectedId ? (
        <ConversationPane id={selectedId} user={user} can={can} onBack={() => void navigate('/inbox')} />
      ) : (
        <section className="pane conversation empty-pane" aria-label={t('conv.title')}>
          <p className="muted">{t('inbox.select')}</p>
        </section>
      )}
    </div>
  );
}
