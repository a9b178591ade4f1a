import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { ReplyDraft } from '../../api/queries/use-reply-drafts';
import { useReplyDraftAction } from '../../api/queries/use-reply-drafts';
import type { SessionUser } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { RelativeTime } from '../relative-time';
import './approval.css';
import { isReplyApprover } from './reply-approver';

type Mode = 'view' | 'edit' | 'return' | 'resubmit';

/**
 * A held reply: "Onay bekliyor" (not sent) or "Geri gönderildi" with the approver's note. The approver
 * approves, edits and approves, or sends it back with a comment; the author edits and resubmits a
 * returned one. `showConversation` links to the conversation (the approval queue).
 */
export function ReplyDraftCard({
  draft,
  user,
  as: Tag = 'li',
  conversationLink,
  onDone,
}: {
  draft: ReplyDraft;
  user: SessionUser;
  as?: 'li' | 'article';
  conversationLink?: ReactNode;
  /** Told what was done: the card itself may leave the list (approved) or be redrawn. */
  onDone(message: string): void;
}) {
  const { t } = useI18n();
  const action = useReplyDraftAction();
  const [mode, setMode] = useState<Mode>('view');
  const [text, setText] = useState(draft.text ?? '');
  const [comment, setComment] = useState('');
  const approver = isReplyApprover(user.roles);
  const author = draft.authorUserId === user.id;
  const editable = draft.template === null;

  const run = async (event: FormEvent | null, next: Parameters<typeof action.mutateAsync>[0], done: string) => {
    event?.preventDefault();
    try {
      await action.mutateAsync(next);
      setMode('view');
      onDone(done);
    } catch {
      // The error is shown from the mutation's state.
    }
  };

  return (
    <Tag
      className={`bubble outbound draft draft-${draft.state}`}
      data-testid="reply-draft"
      data-state={draft.state}
      aria-label={t(`approval.state.${draft.state}`)}
    >
      <div className="meta">
        <span className={`draft-pill draft-pill-${draft.state}`}>{t(`approval.state.${draft.state}`)}</span>
        {' · '}
        <span>
          {t('approval.byAuthor')}: <span data-user-content>{draft.authorName ?? t('common.none')}</span>
        </span>
        {' · '}
        <RelativeTime iso={draft.createdAt} />
        {draft.state !== 'sent' && <span className="muted"> · {t('approval.notSent')}</span>}
      </div>
      {conversationLink}
      {mode === 'edit' || mode === 'resubmit' ? (
        <form
          className="draft-form"
          onSubmit={(e) =>
            void (mode === 'edit'
              ? run(e, { kind: 'approve', id: draft.id, text }, t('approval.approved'))
              : run(e, { kind: 'resubmit', id: draft.id, text }, t('approval.resubmitted')))
          }
        >
          <label>
            {t('approval.editText')}
            <textarea value={text} rows={4} required onChange={(e) => setText(e.target.value)} />
          </label>
          <div className="item-line">
            <button type="submit" disabled={action.isPending || text.trim() === ''}>
              {mode === 'edit' ? t('approval.saveAndApprove') : t('approval.resubmit')}
            </button>
            <button type="button" className="secondary" onClick={() => setMode('view')}>
              {t('approval.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          {draft.text && (
            <p className="text" data-user-content>
              {draft.text}
            </p>
          )}
          {draft.template && <p className="small muted">{t('approval.template', { name: draft.template })}</p>}
          {draft.attachments.length > 0 && (
            <p className="small muted">{t('approval.attachments', { count: draft.attachments.length })}</p>
          )}
        </>
      )}
      {draft.state === 'returned' && draft.reviewComment && (
        <div className="draft-review" data-testid="draft-review-comment">
          <span className="small muted">{t('approval.reviewCommentLabel')}</span>
          <p>
            <span data-user-content>{draft.reviewerName ?? t('common.none')}</span>:{' '}
            <q data-user-content>{draft.reviewComment}</q>
          </p>
        </div>
      )}
      {mode === 'return' && (
        <form
          className="draft-form"
          onSubmit={(e) => void run(e, { kind: 'return', id: draft.id, comment }, t('approval.returned'))}
        >
          <label>
            {t('approval.comment')}
            <textarea
              value={comment}
              rows={3}
              required
              placeholder={t('approval.commentHint')}
              onChange={(e) => setComment(e.target.value)}
            />
          </label>
          <div className="item-line">
            <button type="submit" disabled={action.isPending || comment.trim() === ''}>
              {t('approval.returnSubmit')}
            </button>
            <button type="button" className="secondary" onClick={() => setMode('view')}>
              {t('approval.cancel')}
            </button>
          </div>
        </form>
      )}
      {mode === 'view' && approver && draft.state === 'pending' && (
        <div className="draft-actions" role="group" aria-label={t('approval.section')} data-testid="approval-bar">
          <button
            type="button"
            disabled={action.isPending}
            onClick={() => void run(null, { kind: 'approve', id: draft.id }, t('approval.approved'))}
          >
            {t('approval.approve')}
          </button>
          {editable && (
            <button type="button" className="secondary" onClick={() => setMode('edit')}>
              {t('approval.editAndApprove')}
            </button>
          )}
          <button type="button" className="secondary" onClick={() => setMode('return')}>
            {t('approval.return')}
          </button>
        </div>
      )}
      {mode === 'view' && author && draft.state === 'returned' && (
        <div className="draft-actions">
          {editable ? (
            <button type="button" onClick={() => setMode('resubmit')}>
              {t('approval.editResubmit')}
            </button>
          ) : (
            <button
              type="button"
              onClick={() => void run(null, { kind: 'resubmit', id: draft.id }, t('approval.resubmitted'))}
            >
              {t('approval.resubmit')}
            </button>
          )}
        </div>
      )}
      {action.error && (
        <p role="alert" className="error small">
          {t('common.error', { message: action.error.message })}
        </p>
      )}
    </Tag>
  );
}
