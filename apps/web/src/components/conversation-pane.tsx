import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { queryKeys } from '../api/queries/query-keys';
import { useConversation, useConversationThread } from '../api/queries/use-conversations';
import type { SessionUser } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { Permissions } from '../roles';
import { ConversationDrafts } from './approval/conversation-drafts';
import { AccountBadge, ChannelBadge } from './badges';
import { PresenceNotice } from './collision/presence-notice';
import { useConversationPresence } from './collision/use-conversation-presence';
import { ContactAvatar } from './contact-avatar';
import { ConversationDetailsPanel } from './conversation-details-panel';
import { RunMacroMenu } from './macros/run-macro-menu';
import { nextOpenConversationId } from './next-open-conversation';
import { QueryState } from './query-state';
import { ConversationReadingNotice } from './readings/conversation-reading-notice';
import { ReplyBox } from './reply-box';
import { ReplyWindow } from './reply-window';
import { ThreadItemView } from './thread-item-view';
import { useConversationUpdate } from './use-conversation-update';
import { useDetailsPanel } from './use-details-panel';

/** Signed media links live at least five minutes: the thread is refetched before the ones shown expire. */
const MEDIA_LINK_REFRESH_MS = 4 * 60_000;

interface Props {
  id: string;
  user: SessionUser;
  can: Permissions;
  onBack(): void;
}

/** The thread with the reply box; the details (status, assignee, tags, case, history) in a side panel. */
export function ConversationPane({ id, user, can, onBack }: Props) {
  const { t } = useI18n();
  const client = useQueryClient();
  const navigate = useNavigate();
  // Live events refetch both; a change made here refetches them and the inbox list.
  const conversationQuery = useConversation(id);
  const thread = useConversationThread(id);
  const { update, error } = useConversationUpdate(id);
  const details = useDetailsPanel();
  const [closing, setClosing] = useState(false);
  const threadEnd = useRef<HTMLLIElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const conversation = conversationQuery.data;
  const items = thread.data ?? [];
  const refresh = useCallback(() => void client.invalidateQueries({ queryKey: queryKeys.conversations }), [client]);
  // The collision guard: who else views or types here; what this officer has seen when replying.
  const presence = useConversationPresence(id, can.work || can.overview);
  const seenUpToMessageId = [...items].reverse().find((item) => item.type === 'message')?.id ?? null;

  useEffect(() => {
    // Opening an unread conversation marks it read.
    if (!can.work || !conversation || conversation.id !== id || conversation.unreadCount === 0) {
      return;
    }
    api.request(`/api/v1/conversations/${id}/read`, { method: 'POST' }).then(refresh, () => undefined);
  }, [id, can.work, conversation, refresh]);
  useEffect(() => {
    // A block body: newer browsers return a promise from scrollIntoView, which is no effect cleanup.
    threadEnd.current?.scrollIntoView({ block: 'end' });
  }, [items.length]);
  useEffect(() => {
    const timer = setInterval(
      () => void client.invalidateQueries({ queryKey: queryKeys.conversationThread(id) }),
      MEDIA_LINK_REFRESH_MS,
    );
    return () => clearInterval(timer);
  }, [client, id]);

  const closeDetailsPanel = details.close;
  const closeDetails = useCallback(() => {
    closeDetailsPanel();
    toggle.current?.focus();
  }, [closeDetailsPanel]);

  const closeAndNext = async () => {
    // The next one is read before closing: a list of open conversations drops this one once closed.
    const next = nextOpenConversationId(client, id);
    setClosing(true);
    const closed = await update({ status: 'closed' });
    setClosing(false);
    if (closed) {
      // The list's filters stay in the address.
      void navigate({ pathname: next ? `/inbox/${next}` : '/inbox', search: location.search });
    }
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
      className={`pane conversation workspace${details.open ? ' details-open' : ''}`}
      aria-labelledby="conversation-title"
      data-testid="conversation"
      data-conversation-id={id}
    >
      <div className="workspace-main">
        <header className="conversation-head">
          <div className="conversation-title-row">
            <button type="button" className="back secondary" onClick={onBack}>
              ← {t('inbox.back')}
            </button>
            <h2 id="conversation-title">
              <ChannelBadge channel={conversation.channel} /> <AccountBadge account={conversation.account} />{' '}
              <ContactAvatar avatarUrl={conversation.contact?.avatarUrl} name={name} /> {name}
            </h2>
            <div className="conversation-actions">
              {can.work && <RunMacroMenu conversationId={id} user={user} isAdmin={can.admin} />}
              {can.work && conversation.status !== 'closed' && (
                <button
                  type="button"
                  className="secondary"
                  disabled={closing}
                  onClick={() => void closeAndNext()}
                  data-testid="close-and-next"
                >
                  {t('ws.closeAndNext')}
                </button>
              )}
              <button
                ref={toggle}
                type="button"
                className="secondary"
                aria-expanded={details.open}
                aria-controls="conversation-details"
                onClick={details.toggle}
                data-testid="details-toggle"
              >
                {details.open ? t('ws.details.hide') : t('ws.details.show')}
              </button>
            </div>
          </div>
          <div className="conversation-facts">
            <span className={`status-pill status-${conversation.status}`} data-testid="conversation-status">
              {t(`status.${conversation.status}`)}
            </span>
            {/* The account's name and handle are the organization's own words, not the product's. */}
            <span data-user-content>
              {conversation.account.name}
              {conversation.account.handle ? ` (${conversation.account.handle})` : ''}
            </span>
            <span>{t(`kind.${conversation.kind}`)}</span>
            <span>
              {t('conv.assignee')}: {conversation.assignee?.displayName ?? t('inbox.unassigned')}
            </span>
            <ReplyWindow window={conversation.replyWindow} />
          </div>
          <ConversationReadingNotice reading={conversation.reading} />
          <PresenceNotice others={presence.others} />
          {error && (
            <p role="alert" className="error">
              {t('common.error', { message: error })}
            </p>
          )}
        </header>
        <ol className="thread" aria-label={t('conv.thread')} data-testid="thread">
          {items.length === 0 && <li className="muted">{t('conv.empty')}</li>}
          {items.map((item) => (
            <ThreadItemView key={`${item.type}-${item.id}`} item={item} />
          ))}
          <ConversationDrafts conversationId={id} user={user} />
          <li ref={threadEnd} aria-hidden="true" className="thread-end" />
        </ol>
        {can.work && (
          <ReplyBox
            conversation={conversation}
            onSent={refresh}
            closeConversation={(cid) => update({ status: 'closed' }, cid)}
            seenUpToMessageId={seenUpToMessageId}
            onTyping={presence.typing}
            onIdle={presence.idle}
          />
        )}
      </div>
      {details.open && (
        <>
          {details.narrow && <div className="drawer-backdrop" aria-hidden="true" onClick={closeDetails} />}
          <ConversationDetailsPanel
            conversation={conversation}
            user={user}
            can={can}
            drawer={details.narrow}
            update={update}
            onClose={closeDetails}
          />
        </>
      )}
    </section>
  );
}
