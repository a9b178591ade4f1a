import type { CSSProperties, Ref } from 'react';
import type { ConversationView } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/tr';
import { AccountBadge, ChannelBadge } from './badges';
import { LanguageChip, NegativeMarker, UrgentBadge } from './readings/reading-chips';
import { RelativeTime } from './relative-time';
import { ReplyWindow } from './reply-window';

/** A message without text is previewed by the server as "[type]": shown as the attachment's name. */
const ATTACHMENT_PREVIEW = /^\[(image|video|audio|document|sticker|contact|link|location)\]$/;

/** Where the virtualized list draws this row. */
export interface RowPlacement {
  index: number;
  setSize: number;
  style: CSSProperties;
  measureRef: Ref<HTMLLIElement>;
  /** Pinned at the top because an urgent message waits for an answer. */
  pinned?: boolean;
  /** On the first pinned row: how many are pinned (the group's heading is drawn above it). */
  pinnedGroup?: number;
  /** The last pinned row: a firmer line under it parts the group from the rest. */
  lastPinned?: boolean;
}

interface Props {
  conversation: ConversationView;
  selected: boolean;
  checked: boolean;
  /** Shown only to those who may work the inbox (bulk actions). */
  selectable: boolean;
  placement: RowPlacement;
  onOpen(): void;
  /** range: the officer held shift (select everything since the last toggled row). */
  onToggle(range: boolean): void;
}

export function conversationName(c: ConversationView, fallback: string): string {
  return c.contact?.name ?? c.contact?.handle ?? fallback;
}

export function ConversationListItem({
  conversation: c,
  selected,
  checked,
  selectable,
  placement,
  onOpen,
  onToggle,
}: Props) {
  const { t, format } = useI18n();
  const name = conversationName(c, t('msg.citizen'));
  const { urgent, language, sentiment } = c.reading;
  const attachment = ATTACHMENT_PREVIEW.exec(c.lastMessagePreview ?? '')?.[1];
  const preview = attachment ? t(`attachment.${attachment}` as MessageKey) : (c.lastMessagePreview ?? '');
  return (
    <li
      ref={placement.measureRef}
      data-index={placement.index}
      aria-setsize={placement.setSize}
      aria-posinset={placement.index + 1}
      className={`conversation-row${checked ? ' checked' : ''}${placement.pinned ? ' pinned' : ''}${placement.lastPinned ? ' last-pinned' : ''}`}
      style={placement.style}
      data-pinned={placement.pinned ? 'true' : undefined}
    >
      {placement.pinnedGroup !== undefined && (
        <span className="pinned-heading" data-testid="urgent-group-heading">
          {t('readings.urgentGroup', { count: format.number(placement.pinnedGroup) })}
        </span>
      )}
      {selectable && (
        <input
          type="checkbox"
          className="row-check"
          checked={checked}
          aria-label={t('list.select', { name })}
          data-testid="conversation-check"
          onChange={(e) => onToggle('shiftKey' in e.nativeEvent && (e.nativeEvent as MouseEvent).shiftKey)}
        />
      )}
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
          <RelativeTime className="when" iso={c.lastActivityAt} />
        </span>
        {/* The urgent badge leads the preview, not the name's line: the citizen's name stays readable. */}
        <span className="preview-line">
          {urgent && <UrgentBadge urgent={urgent} />}
          <span className="preview">{preview}</span>
        </span>
        <span className="item-line small">
          {c.unreadCount > 0 && <span className="unread-count">{t('inbox.unread', { count: c.unreadCount })}</span>}
          <span className={`status status-${c.status}`}>{t(`status.${c.status}`)}</span>
          <span className="assignee">{c.assignee?.displayName ?? t('inbox.unassigned')}</span>
          <LanguageChip language={language} />
          <NegativeMarker sentiment={sentiment} />
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
