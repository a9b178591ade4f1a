import { FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import type { ConversationStatus, ConversationView, SessionUser, ThreadItem, UserView } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { Permissions } from '../roles';
import { AccountBadge, ChannelBadge } from './badges';
import { CasePanel } from './case-panel';
import { LegalHoldControl } from './legal-hold-control';
import { ReplyBox } from './reply-box';
import { ReplyWindow } from './reply-window';
import { ThreadItemView } from './thread-item-view';

const STATUSES: ConversationStatus[] = ['open', 'pending', 'resolved', 'closed'];

interface Props {
  id: string;
  user: SessionUser;
  can: Permissions;
  /** Bumped when live events touch this conversation. */
  refreshKey: number;
  onChanged(): void;
  onBack(): void;
}

export function ConversationPane({ id, user, can, refreshKey, onChanged, onBack }: Props) {
  const { t } = useI18n();
  const [conversation, setConversation] = useState<ConversationView | null>(null);
  const [items, setItems] = useState<ThreadItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [users, setUsers] = useState<UserView[]>([]);
  const [newTag, setNewTag] = useState('');
  const threadEnd = useRef<HTMLLIElement>(null);

  const load = useCallback(async () => {
    try {
      const [c, m] = await Promise.all([
        api.request<ConversationView>(`/api/v1/conversations/${id}`),
        api.request<ThreadItem[]>(`/api/v1/conversations/${id}/messages`),
      ]);
      setConversation(c);
      setItems(m);
      setError(null);
      if (can.work && c.unreadCount > 0) {
        await api.request(`/api/v1/conversations/${id}/read`, { method: 'POST' });
        onChanged();
      }
    } catch (e) {
      setError((e as Error).message);
    }
  }, [id, can.work, onChanged]);

  useEffect(() => {
    setConversation(null);
    setItems([]);
  }, [id]);
  useEffect(() => void load(), [load, refreshKey]);
  useEffect(() => {
    // A block body: newer browsers return a promise from scrollIntoView, which is no effect cleanup.
    threadEnd.current?.scrollIntoView({ block: 'end' });
  }, [items.length]);
  useEffect(() => {
    if (can.listUsers) api.request<UserView[] | { items: UserView[] }>('/api/v1/users').then((r) => setUsers(Array.isArray(r) ? r : r.items)).catch(() => setUsers([]));
  }, [can.listUsers]);

  const update = async (patch: Record<string, unknown>) => {
    try {
      setConversation(await api.request<ConversationView>(`/api/v1/conversations/${id}`, { method: 'PATCH', body: JSON.stringify(patch) }));
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const addTag = (event: FormEvent) => {
    event.preventDefault();
    const tag = newTag.trim();
    if (!tag || !conversation) return;
    setNewTag('');
    void update({ tags: [...new Set([...conversation.tags, tag])] });
  };

  if (error && !conversation) return <section className="pane conversation" aria-label={t('conv.title')}><p role="alert" className="error">{t('common.error', { message: error })}</p></section>;
  if (!conversation) return <section className="pane conversation" aria-label={t('conv.title')} aria-busy="true"><p className="muted">{t('common.loading')}</p></section>;
  const name = conversation.contact?.name ?? conversation.contact?.handle ?? t('msg.citizen');

  return (
    <section className="pane conversation" aria-labelledby="conversation-title" data-testid="conversation" data-conversation-id={id}>
      <header className="conversation-head">
        <button type="button" className="back secondary" onClick={onBack}>← {t('inbox.back')}</button>
        <h2 id="conversation-title">
          <ChannelBadge channel={conversation.channel} /> <AccountBadge account={conversation.account} /> {name}
        </h2>
        <div className="conversation-facts">
          <span>{conversation.account.name}{conversation.account.handle ? ` (${conversation.account.handle})` : ''}</span>
          <span>{t(`kind.${conversation.kind}`)}</span>
          <ReplyWindow window={conversation.replyWindow} />
        </div>
        <div className="conversation-controls">
          <label>
            {t('conv.status')}
            <select value={conversation.status} disabled={!can.work} onChange={(e) => void update({ status: e.target.value })} data-testid="status-select">
              {STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
            </select>
          </label>
          <span className="assignee">
            {t('conv.assignee')}: <strong>{conversation.assignee?.displayName ?? t('inbox.unassigned')}</strong>
          </span>
          {can.work && conversation.assignee?.id !== user.id && (
            <button type="button" className="secondary" onClick={() => void update({ assigneeId: user.id })}>{t('conv.assignMe')}</button>
          )}
          {can.work && conversation.assignee && (
            <button type="button" className="secondary" onClick={() => void update({ assigneeId: null })}>{t('conv.unassign')}</button>
          )}
          {can.work && users.length > 0 && (
            <label>
              <span className="visually-hidden">{t('conv.assignTo')}</span>
              <select aria-label={t('conv.assignTo')} value="" onChange={(e) => e.target.value && void update({ assigneeId: e.target.value })}>
                <option value="">{t('conv.assignTo')}…</option>
                {users.map((u) => <option key={u.id} value={u.id}>{u.displayName}</option>)}
              </select>
            </label>
          )}
        </div>
        <div className="tags" aria-label={t('conv.tags')}>
          {conversation.tags.map((tag) => (
            <span key={tag} className="tag">
              #{tag}
              {can.work && (
                <button type="button" className="tag-remove" aria-label={t('conv.removeTag', { tag })} onClick={() => void update({ tags: conversation.tags.filter((x) => x !== tag) })}>×</button>
              )}
            </span>
          ))}
          {can.work && (
            <form className="tag-form" onSubmit={addTag}>
              <input aria-label={t('conv.addTag')} placeholder={t('conv.addTag')} value={newTag} maxLength={64} onChange={(e) => setNewTag(e.target.value)} />
              <button type="submit" className="secondary">{t('conv.addTagButton')}</button>
            </form>
          )}
        </div>
        {can.admin && <LegalHoldControl conversationId={id} />}
        {error && <p role="alert" className="error">{t('common.error', { message: error })}</p>}
      </header>
      <CasePanel conversationId={id} canWork={can.work} refreshKey={refreshKey} />
      <ol className="thread" aria-label={t('conv.thread')}>
        {items.length === 0 && <li className="muted">{t('conv.empty')}</li>}
        {items.map((item) => <ThreadItemView key={`${item.type}-${item.id}`} item={item} />)}
        <li ref={threadEnd} aria-hidden="true" className="thread-end" />
      </ol>
      {can.work && <ReplyBox conversation={conversation} onSent={() => void load()} />}
    </section>
  );
}
