import type { ThreadItem } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { AttachmentView } from './attachment-view';
import { DeliveryTick } from './delivery-tick';
import { LocationPreview } from './location-preview';
import { TemplateSummary } from './template-summary';

export function ThreadItemView({ item }: { item: ThreadItem }) {
  const { t, formatDateTime } = useI18n();
  if (item.type === 'note') {
    return (
      <li className="bubble note" data-testid="note">
        <div className="meta">
          <strong>{t('msg.note')}</strong> · {item.author?.displayName ?? t('common.none')} ·{' '}
          <time dateTime={item.sentAt}>{formatDateTime(item.sentAt)}</time>
        </div>
        <p>{item.text}</p>
      </li>
    );
  }
  const previous = item.editHistory[item.editHistory.length - 1]?.text;
  const kindKey = `msg.kind.${item.kind}` as Parameters<typeof t>[0];
  return (
    <li
      className={`bubble ${item.direction === 'in' ? 'inbound' : 'outbound'}${item.deleted ? ' deleted' : ''}`}
      data-testid="message"
      data-direction={item.direction}
    >
      <div className="meta">
        <strong>
          {item.direction === 'in' ? (item.author?.name ?? item.author?.handle ?? t('msg.citizen')) : t('msg.you')}
        </strong>
        {' · '}
        <span>{t(kindKey)}</span>
        {' · '}
        <time dateTime={item.sentAt}>{formatDateTime(item.sentAt)}</time>
        {item.edited && (
          <span className="edited" title={previous ? t('msg.editedFrom', { text: previous }) : undefined}>
            {' '}
            · {t('msg.edited')}
          </span>
        )}
      </div>
      {item.deleted ? (
        <p className="deleted-text">
          {t('msg.deleted')}
          {item.deletedAt && (
            <span className="muted small"> ({t('msg.deletedAt', { time: formatDateTime(item.deletedAt) })})</span>
          )}
        </p>
      ) : (
        <>
          {item.text && <p className="text">{item.text}</p>}
          {item.template && <TemplateSummary template={item.template} />}
          {item.attachments
            .filter((a) => a.type !== 'location')
            .map((a, i) => (
              <AttachmentView key={i} attachment={a} />
            ))}
          {item.location && <LocationPreview location={item.location} />}
        </>
      )}
      {item.edited && previous && !item.deleted && (
        <p className="muted small">{t('msg.editedFrom', { text: previous })}</p>
      )}
      {item.direction === 'out' && item.deliveryState && (
        <DeliveryTick state={item.deliveryState} error={item.deliveryError} />
      )}
    </li>
  );
}
