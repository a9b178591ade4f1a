import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { queryKeys } from '../api/queries/query-keys';
import { useConversation, useConversationThread, useUsers } from '../api/queries/use-conversations';
import type { ConversationStatus, ConversationView, SessionUser } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { Permissions } from '../roles';
import { AccountBadge, ChannelBadge } from './badges';
import { CasePanel } from './case-panel';
import { LegalHoldControl } from './legal-hold-control';
import { QueryState } from './query-state';
import { ReplyBox } from './reply-box';
import { ReplyWindow } from './reply-window';
import { ThreadItemView } from './thread-item-view';

const STATUSES: ConversationStatus[] = ['open', 'pending', 'resolved', 'closed'];

interface Props {
  id: string;
  user: SessionUser;
  can: Permissions;
  onBack(): void;
}

export function ConversationPane({ id, user, can, onBack }: Props) {
  const { t } = useI18n();
  const client = useQueryClient();
  // Live events refetch both; a change made here refetches them and the inbox list.
  const conversationQuery = useConversation(id);
  const thread = useConversationThread(id);
  const users = useUsers(can.listUsers).data ?? [];
  const [error, setError] = useState<string | null>(null);
  const [newTag, setNewTag] = useState('');
  const threadEnd = useRef<HTMLLIElement>(null);
  const conversation = conversationQuery.data;
  const items = thread.data ?? [];
  const refresh = useCallback(() => void client.invalidateQueries({ queryKey: queryKeys.conversations }), [client]);

  useEffect(() => {
    // Opening an unread conversation marks it read.
    if (!can.work || !conversation || conversation.id !== id || conversation.unreadCount === 0) {
      return;
    }
    api.request(`/api/v1/conversations/${id}/read`, { method: 'POST' }).then(refresh, () => undefined);
  }, [id, can.work, conversation, refresh]);
  useEffect(() => setError(null), [id]);
  useEffect(() => {
    // A block body: newer browsers return a promise from scrollIntoView, which is no effect cleanup.
    threadEnd.current?.scrollIntoView({ block: 'end' });
  }, [items.length]);

  const update = async (patch: Record<string, unknown>) => {
    try {
      client.setQueryData(
        queryKeys.conversation(id),
        await api.request<ConversationView>(`/api/v1/conversations/${id}`, {
          method: 'PATCH',
          body: JSON.stringify(patch),
        }),
      );
      setError(null);
      refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const addTag = (event: FormEvent) => {
    event.preventDefault();
    const tag = newTag.trim();
    if (!tag || !conversation) {
      return;
    }
    setNewTag('');
    void update({ tags: [...new Set([...conversation.tags, tag])] });
  };

  if (!conversation) {
    return (
      <section className="pane conversation" aria-label={t('conv.title')}>
        <QueryState query={conversationQuery}>{() => null}</QueryState>
      </section>
    );
  }
  const name = conversation.contact?.name ?? conversation.contact?.handle ?? t('msg.citizen');

  return (
    <section
      className="pane conversation"
      aria-labelledby="conversation-title"
      data-testid="conversation"
      data-conversation-id={id}
    >
      <header className="conversation-head">
        <button type="button" className="back secondary" onClick={onBack}>
          ← {t('inbox.back')}
        </button>
        <h2 id="conversation-title">
          <ChannelBadge channel={conversation.channel} /> <AccountBadge account={conversation.account} /> {name}
        </h2>
        <div className="conversation-facts">
          <span>
            {conversation.account.name}
            {conversation.account.handle ? ` (${conversation.account.handle})` : ''}
          </span>
          <span>{t(`kind.${conversation.kind}`)}</span>
          <ReplyWindow window={conversation.replyWindow} />
        </div>
        <div className="conversation-controls">
          <label>
            {t('conv.status')}
            <select
              value={conversation.status}
              disabled={!can.work}
              onChange={(e) => void update({ status: e.target.value })}
              data-testid="status-select"
            >
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <span className="assignee">
            {t('conv.assignee')}: <strong>{conversation.assignee?.displayName ?? t('inbox.unassigned')}</strong>
          </span>
          {can.work && conversation.assignee?.id !== user.id && (
            <button type="button" className="secondary" onClick={() => void update({ assigneeId: user.id })}>
              {t('conv.assignMe')}
            </button>
          )}
          {can.work && conversation.assignee && (
            <button type="button" className="secondary" onClick={() => void update({ assigneeId: null })}>
              {t('conv.unassign')}
            </button>
          )}
          {can.work && users.length > 0 && (
            <label>
              <span className="visually-hidden">{t('conv.assignTo')}</span>
              <select
                aria-label={t('conv.assignTo')}
                value=""
                onChange={(e) => e.target.value && void update({ assigneeId: e.target.value })}
              >
                <option value="">{t('conv.assignTo')}…</option>
                {users.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.displayName}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <div className="tags" aria-label={t('conv.tags')}>
          {conversation.tags.map((tag) => (
            <span key={tag} className="tag">
              #{tag}
              {can.work && (
                <button
                  type="button"
                  className="tag-remove"
                  aria-label={t('conv.removeTag', { tag })}
                  onClick={() => void update({ tags: conversation.tags.filter((x) => x !== tag) })}
                >
                  ×
                </button>
              )}
            </span>
          ))}
          {can.work && (
            <form className="tag-form" onSubmit={addTag}>
              <input
                aria-label={t('conv.addTag')}
                placeholder={t('conv.addTag')}
                value={newTag}
                maxLength={64}
                onChange={(e) => setNewTag(e.target.value)}
              />
              <button type="submit" className="secondary">
                {t('conv.addTagButton')}
              </button>
            </form>
          )}
        </div>
        {can.admin && <LegalHoldControl conversationId={id} />}
        {error && (
          <p role="alert" className="error">
            {t('common.error', { message: error })}
          </p>
        )}
      </header>
      <CasePanel conversationId={id} canWork={can.work} />
      <ol className="thread" aria-label={t('conv.thread')}>
        {items.length === 0 && <li className="muted">{t('conv.empty')}</li>}
        {items.map((item) => (
          <ThreadItemView key={`${item.type}-${item.id}`} item={item} />
        ))}
        <li ref={threadEnd} aria-hidden="true" className="thread-end" />
      </ol>
      {can.work && <ReplyBox conversation={conversation} onSent={refresh} />}
    </section>
  );
}
