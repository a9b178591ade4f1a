import { useEffect, useState } from 'react';
import { useConversationDrafts } from '../../api/queries/use-reply-drafts';
import type { SessionUser } from '../../api/types';
import { ReplyDraftCard } from './reply-draft-card';

/** The conversation's held replies at the end of its thread: visible to everyone who sees the conversation. */
export function ConversationDrafts({ conversationId, user }: { conversationId: string; user: SessionUser }) {
  const drafts = useConversationDrafts(conversationId).data ?? [];
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => setNotice(null), [conversationId]);
  return (
    <>
      {drafts.map((draft) => (
        <ReplyDraftCard key={`${draft.id}-${draft.updatedAt}`} draft={draft} user={user} onDone={setNotice} />
      ))}
      {notice && (
        <li className="draft-notice small ok" role="status">
          {notice}
        </li>
      )}
    </>
  );
}
