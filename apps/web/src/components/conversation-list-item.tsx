import type { ConversationView } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/tr';
import { AccountBadge, ChannelBadge } from './badges';
import { ReplyWindow } from './reply-window';

/** A message without text is previewed by the server as "[type]": shown as the attachment's name. */
const ATTACHMENT_PREVIEW = /^\[(image|video|audio|document|sticker|contact|link|location)\]$/;

interface Props {
  conversation: ConversationView;
  selected: boolean;
  onOpen(): void;
}

export function ConversationListItem({ conversation: c, selected, onOpen }: Props) {
  const { t, formatDateTime } = useI18n();
  const name = c.contact?.name ?? c.contact?.handle ?? t('msg.citizen');
  const attachment = ATTACHMENT_PREVIEW.exec(c.lastMessagePreview ?? '')?.[1];
  const preview = attachment ? t(`attachment.${attachment}` as MessageKey) : (c.lastMessagePreview ?? '');
  return (
    <li>
      <button
        type="button"
        className={`conversation-item${selected ? ' selected' : ''}${c.unreadCount > 0 ? ' unread' : ''}`}
        aria-current={selected ? 'true' : undefined}
        onClick={onOpen}
        data-testid="conversation-item"
        data-channel={c.channel}
        data-conversation-id={c.id}
      >
        <span className="item-line">
          <ChannelBadge channel={c.channel} />
          <AccountBadge account={c.account} />
          <span className="name">{name}</span>
          <time className="when" dateTime={c.lastActivityAt}>
            {formatDateTime(c.lastActivityAt)}
          </time>
        </span>
        <span className="preview">{preview}</span>
        <span className="item-line small">
          {c.unreadCount > 0 && <span className="unread-count">{t('inbox.unread', { count: c.unreadCount })}</span>}
          <span className={`status status-${c.status}`}>{t(`status.${c.status}`)}</span>
          <span className="assignee">{c.assignee?.displayName ?? t('inbox.unassigned')}</span>
          {c.tags.map((tag) => (
            <span key={tag} className="tag">
              #{tag}
            </span>
          ))}
          <ReplyWindow window={c.replyWindow} />
        </span>
      </button>
    </li>
  );
}
