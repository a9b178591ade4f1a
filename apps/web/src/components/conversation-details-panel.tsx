import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useUsers } from '../api/queries/use-conversations';
import type { ConversationStatus, ConversationView, SessionUser } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { Permissions } from '../roles';
import { ContactTagsSection } from './automation-rules/contact-tags-section';
import { CasePanel } from './case-panel';
import { ContactHistorySection } from './contact-history-section';
import { LegalHoldControl } from './legal-hold-control';
import { ConversationTeamField } from './teams/conversation-team-field';

const STATUSES: ConversationStatus[] = ['open', 'pending', 'resolved', 'closed'];

interface Props {
  conversation: ConversationView;
  user: SessionUser;
  can: Permissions;
  /** A drawer over the thread (tablet): Escape and the close button shut it. */
  drawer: boolean;
  update(patch: Record<string, unknown>): Promise<boolean>;
  onClose(): void;
}

/** Everything about the conversation except the thread: status, assignee, tags, legal hold, the case, the citizen's history. */
export function ConversationDetailsPanel({ conversation, user, can, drawer, update, onClose }: Props) {
  const { t } = useI18n();
  const users = useUsers(can.listUsers).data ?? [];
  const [newTag, setNewTag] = useState('');
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!drawer) {
      return undefined;
    }
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [drawer, onClose]);

  const addTag = (event: FormEvent) => {
    event.preventDefault();
    const tag = newTag.trim();
    if (tag) {
      setNewTag('');
      void update({ tags: [...new Set([...conversation.tags, tag])] });
    }
  };

  return (
    <aside
      id="conversation-details"
      className={`details-panel${drawer ? ' drawer' : ''}`}
      aria-labelledby="conversation-details-title"
      data-testid="details-panel"
    >
      <div className="details-head">
        <h3 id="conversation-details-title">{t('ws.details.title')}</h3>
        <button
          ref={closeButton}
          type="button"
          className="secondary icon-button"
          onClick={onClose}
          aria-label={t('ws.details.close')}
        >
          ×
        </button>
      </div>
      <section className="details-section" aria-label={t('conv.status')}>
        <label className="details-field">
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
        <div className="details-field">
          <span>
            {t('conv.assignee')}: <strong>{conversation.assignee?.displayName ?? t('inbox.unassigned')}</strong>
          </span>
          <div className="details-actions">
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
          </div>
          {can.work && users.length > 0 && (
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
          )}
        </div>
        <ConversationTeamField conversation={conversation} canWork={can.work} update={update} />
        <div className="tags" aria-label={t('conv.tags')} role="group">
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
        {can.admin && <LegalHoldControl conversationId={conversation.id} />}
      </section>
      <CasePanel conversationId={conversation.id} canWork={can.work} />
      {conversation.contact && <ContactTagsSection contactId={conversation.contact.id} canWork={can.work} />}
      {conversation.contact && (
        <ContactHistorySection contactId={conversation.contact.id} conversationId={conversation.id} />
      )}
    </aside>
  );
}
