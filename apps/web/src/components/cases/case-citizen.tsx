import { Link } from 'react-router';
import { useConversationThread } from '../../api/queries/use-conversations';
import type { CaseDetail } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { LocationPreview } from '../location-preview';
import { jpegName } from '../photos/photo-gallery';
import { PhotoLocationOffer } from '../photos/photo-location-offer';
import { PhotoThumbnail } from '../photos/photo-thumbnail';
import { QueryState } from '../query-state';
import { ThreadItemView } from '../thread-item-view';
import { useMediaUrl, useStableSrc } from '../use-media-url';

type Photo = CaseDetail['photos'][number];

/** What the citizen sent: the request text, photos, location, and the conversation (read-only). */
export function CaseCitizen({ item }: { item: CaseDetail }) {
  const { t } = useI18n();
  const who = item.contact?.name ?? item.contact?.handle ?? item.citizen?.name ?? t('cases.citizen.unknown');
  return (
    <section className="card case-citizen" aria-labelledby="citizen-title" data-testid="case-citizen">
      <h2 id="citizen-title">{t('cases.citizen.title', { name: who })}</h2>
      {item.description ? (
        <blockquote className="citizen-text" data-testid="case-description">
          {item.description}
        </blockquote>
      ) : (
        <p className="small muted">{t('cases.citizen.noText')}</p>
      )}
      {item.photos.length > 0 && (
        <div className="case-photos" aria-label={t('cases.citizen.photos')} role="group" data-photo-group>
          {item.photos.map((p, i) => (
            <CasePhotoView key={`${p.messageId}-${p.attachmentIndex}`} photo={p} index={i + 1} />
          ))}
        </div>
      )}
      <PhotoLocationOffer item={item} />
      {item.location && (
        <LocationPreview
          location={{ latitude: item.location.latitude, longitude: item.location.longitude, name: item.location.label }}
        />
      )}
      {item.conversationId ? (
        <CaseThread conversationId={item.conversationId} />
      ) : (
        <p className="small muted">{t('intake.noConversation')}</p>
      )}
    </section>
  );
}

function CasePhotoView({ photo, index }: { photo: Photo; index: number }) {
  const { t } = useI18n();
  const { src, onError } = useStableSrc(useMediaUrl({ url: photo.path }));
  const alt = photo.caption ?? t('cases.citizen.photoAlt', { index });
  if (src && photo.type === 'image') {
    return (
      <PhotoThumbnail
        src={src}
        alt={alt}
        downloadName={jpegName(null, `fotograf-${index}`)}
        onError={onError}
        imgTestId="case-photo"
      />
    );
  }
  return src ? (
    <a href={src} target="_blank" rel="noreferrer" className="case-photo">
      {t('attachment.open')}
    </a>
  ) : (
    <span className="case-photo placeholder small muted" aria-busy="true">
      {t('cases.citizen.photoLoading', { index })}
    </span>
  );
}

/** The conversation the case came from, read-only; answering happens in the inbox. */
function CaseThread({ conversationId }: { conversationId: string }) {
  const { t } = useI18n();
  const thread = useConversationThread(conversationId);
  return (
    <div className="case-thread" data-testid="case-thread">
      <div className="item-line">
        <h3>{t('cases.citizen.conversation')}</h3>
        <Link className="push" to={`/inbox/${conversationId}`} data-testid="open-conversation">
          {t('cases.citizen.openInInbox')}
        </Link>
      </div>
      <QueryState query={thread}>
        {(items) =>
          items.length === 0 ? (
            <p className="small muted">{t('cases.citizen.emptyThread')}</p>
          ) : (
            <ol className="thread case-thread-list">
              {items.map((m) => (
                <ThreadItemView key={m.id} item={m} />
              ))}
            </ol>
          )
        }
      </QueryState>
    </div>
  );
}
