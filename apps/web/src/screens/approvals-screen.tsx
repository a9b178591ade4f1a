import { useState } from 'react';
import { Link } from 'react-router';
import type { ReplyDraft } from '../api/queries/use-reply-drafts';
import { useReplyDraftsByState } from '../api/queries/use-reply-drafts';
import type { SessionUser } from '../api/types';
import { ReplyDraftCard } from '../components/approval/reply-draft-card';
import { ChannelBadge } from '../components/badges';
import { QueryState } from '../components/query-state';
import { useI18n } from '../i18n/i18n';

/** "Onay bekleyenler": the replies waiting for approval, oldest first, and the returned ones. */
export function ApprovalsScreen({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const pending = useReplyDraftsByState('pending');
  const returned = useReplyDraftsByState('returned');
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="approvals" data-testid="approvals-screen">
      <h1>{t('approval.title')}</h1>
      <p className="muted">{t('approval.intro')}</p>
      <p className="small ok approval-notice" role="status">
        {notice}
      </p>
      <section className="card" aria-labelledby="approvals-pending">
        <h2 id="approvals-pending">{t('approval.pendingHeading', { count: pending.data?.length ?? 0 })}</h2>
        <QueryState query={pending}>
          {(drafts) => <DraftList drafts={drafts} user={user} empty={t('approval.empty')} onDone={setNotice} />}
        </QueryState>
      </section>
      <section className="card" aria-labelledby="approvals-returned">
        <h2 id="approvals-returned">{t('approval.returnedTitle')}</h2>
        <QueryState query={returned}>
          {(drafts) => <DraftList drafts={drafts} user={user} empty={t('approval.returnedEmpty')} onDone={setNotice} />}
        </QueryState>
      </section>
    </div>
  );
}

function DraftList({
  drafts,
  user,
  empty,
  onDone,
}: {
  drafts: ReplyDraft[];
  user: SessionUser;
  empty: string;
  onDone(message: string): void;
}) {
  const { t } = useI18n();
  if (drafts.length === 0) {
    return <p className="muted">{empty}</p>;
  }
  return (
    <ul className="approval-list">
      {drafts.map((draft) => (
        <li key={`${draft.id}-${draft.updatedAt}`}>
          <ReplyDraftCard
            as="article"
            draft={draft}
            user={user}
            onDone={onDone}
            conversationLink={
              <p className="draft-target small">
                <ChannelBadge channel={draft.channel} /> <span data-user-content>{draft.accountName}</span>
                {' · '}
                {t('approval.to')}: <span data-user-content>{draft.contactName ?? t('msg.citizen')}</span>
                {' · '}
                <Link to={`/inbox/${draft.conversationId}`}>{t('approval.openConversation')}</Link>
              </p>
            }
          />
        </li>
      ))}
    </ul>
  );
}
