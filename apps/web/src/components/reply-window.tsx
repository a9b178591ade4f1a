import type { ConversationView } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useNow } from './use-now';

/** Time left to answer freely (WhatsApp, Messenger, Instagram DMs); nothing for windowless threads. */
export function ReplyWindow({ window }: { window: ConversationView['replyWindow'] }) {
  const { t } = useI18n();
  const now = useNow();
  if (!window.expiresAt) {
    return null;
  }
  const left = new Date(window.expiresAt).getTime() - now;
  if (left <= 0) {
    return <span className="window closed">{t('window.closed')}</span>;
  }
  const minutes = Math.floor(left / 60_000);
  const h = Math.floor(minutes / 60);
  const time = h > 0 ? t('time.hm', { h, m: minutes % 60 }) : t('time.m', { m: minutes });
  return <span className={h < 2 ? 'window closing' : 'window'}>{t('window.left', { time })}</span>;
}
