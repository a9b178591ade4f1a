import { useDirectorateMessages } from '../../api/queries/use-directorate';
import type { MessageItem } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { QueryState } from '../query-state';
import { RelativeTime } from '../relative-time';

/** The case's conversation as the directorate reads it: the citizen's words and photos, the municipality's replies. */
export function DirectorateMessages({ conversationId }: { conversationId: string | null }) {
  const { t } = useI18n();
  const query = useDirectorateMessages(conversationId);
  return (
    <section className="card" aria-labelledby="directorate-messages-title">
      <h2 id="directorate-messages-title">{t('directorate.case.messages')}</h2>
      {!conversationId ? (
        <p className="muted small">{t('directorate.case.noMessages')}</p>
      ) : (
        <QueryState query={query}>
          {(items) =>
            items.length === 0 ? (
              <p className="muted small">{t('directorate.case.noMessages')}</p>
            ) : (
              <ol className="plain-list directorate-thread" data-testid="directorate-messages">
                {items.map((m) => (
                  <MessageLine key={m.id} message={m} />
                ))}
              </ol>
            )
          }
        </QueryState>
      )}
    </section>
  );
}

function MessageLine({ message }: { message: MessageItem }) {
  const { t } = useI18n();
  const inbound = message.direction === 'in';
  const who = inbound
    ? (message.author?.name ?? t('directorate.case.fromCitizen'))
    : t('directorate.case.fromMunicipality');
  return (
    <li
      className={`directorate-message ${inbound ? 'from-citizen' : 'from-municipality'}`}
      data-testid="directorate-message"
    >
      <div className="small muted">
        <strong data-user-content>{who}</strong> · <RelativeTime iso={message.sentAt} />
      </div>
      {message.deleted ? (
        <p className="muted small">{t('directorate.case.deleted')}</p>
      ) : (
        message.text && (
          <p className="directorate-message-text" data-user-content>
            {message.text}
          </p>
        )
      )}
      {message.attachments.map((a, index) =>
        a.type === 'image' && a.mediaUrl ? (
          <img
            key={index}
            className="directorate-photo"
            src={a.mediaUrl}
            alt={a.caption ?? t('directorate.case.photo')}
          />
        ) : a.location ? (
          <p key={index} className="small">
            {t('directorate.case.location', {
              label:
                a.location.name ??
                a.location.address ??
                `${a.location.latitude.toFixed(5)}, ${a.location.longitude.toFixed(5)}`,
            })}
          </p>
        ) : a.type !== 'location' ? (
          <p key={index} className="small muted">
            {t('directorate.case.attachment', { name: a.fileName ?? a.type })}
          </p>
        ) : null,
      )}
    </li>
  );
}
