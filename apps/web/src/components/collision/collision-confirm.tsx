import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/i18n';
import './collision.css';
import { useNow } from '../use-now';

/** The `details` of a 409 reply.collision: the other officer's reply (or reply held for approval). */
export interface ReplyCollision {
  name: string;
  userId: string;
  kind: 'reply' | 'draft';
  id: string;
  repliedAt: string;
  text: string | null;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** "az önce", "1 dakika önce", "2 saat önce": how long ago the other officer replied. */
function ago(iso: string, now: number, locale: string, justNow: string): string {
  const elapsed = Math.max(0, now - new Date(iso).getTime());
  if (elapsed < MINUTE) {
    return justNow;
  }
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always', style: 'long' });
  if (elapsed < HOUR) {
    return format.format(-Math.floor(elapsed / MINUTE), 'minute');
  }
  if (elapsed < 24 * HOUR) {
    return format.format(-Math.floor(elapsed / HOUR), 'hour');
  }
  return format.format(-Math.floor(elapsed / (24 * HOUR)), 'day');
}

interface Props {
  collision: ReplyCollision;
  onSend(): void;
  onCancel(): void;
}

/** Asks before a reply goes out after another officer's reply the sender had not seen (409 reply.collision). */
export function CollisionConfirm({ collision, onSend, onCancel }: Props) {
  const { t, locale } = useI18n();
  const now = useNow(15_000);
  const send = useRef<HTMLButtonElement>(null);
  useEffect(() => send.current?.focus(), []);
  const when = ago(collision.repliedAt, now, locale, t('collision.justNow'));
  return (
    <div
      className="collision-confirm"
      role="alertdialog"
      aria-label={t('collision.confirmLabel')}
      aria-describedby="collision-question"
      data-testid="collision-confirm"
    >
      <p id="collision-question" className="collision-question">
        {t(collision.kind === 'draft' ? 'collision.drafted' : 'collision.replied', {
          name: collision.name,
          ago: when,
        })}
      </p>
      {collision.text && (
        <figure className="collision-their-reply">
          <figcaption>{t(collision.kind === 'draft' ? 'collision.theirDraft' : 'collision.theirReply')}</figcaption>
          <blockquote>{collision.text}</blockquote>
        </figure>
      )}
      <div className="collision-actions">
        <button type="button" className="secondary" onClick={onCancel}>
          {t('collision.cancel')}
        </button>
        <button ref={send} type="button" onClick={onSend} data-testid="collision-send">
          {t('collision.send')}
        </button>
      </div>
    </div>
  );
}
