import type { Attachment } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useMediaUrl } from './use-media-url';

const ICON: Record<Attachment['type'], string> = {
  image: '🖼',
  video: '🎬',
  audio: '🔊',
  document: '📄',
  sticker: '🏷',
  location: '📍',
  contact: '👤',
  link: '🔗',
};

/**
 * A photo, video, audio clip or document from our stored copy (the authorized media endpoint),
 * fetched with the bearer header and shown from a blob: URL (a token never goes in a media URL).
 */
export function AttachmentView({ attachment }: { attachment: Attachment }) {
  const { t } = useI18n();
  const src = useMediaUrl(attachment.url);
  const label = t(`attachment.${attachment.type}`);
  const alt = attachment.caption ?? label;
  const details = [attachment.fileName, attachment.mimeType].filter(Boolean).join(' · ');
  let media = null;
  if (src && (attachment.type === 'image' || attachment.type === 'sticker')) {
    media = <img src={src} alt={alt} className="attachment-image" loading="lazy" />;
  } else if (src && attachment.type === 'video') {
    media = <video src={src} controls preload="metadata" aria-label={alt} className="attachment-video" />;
  } else if (src && attachment.type === 'audio') {
    media = <audio src={src} controls preload="metadata" aria-label={alt} />;
  }
  return (
    <figure className={`attachment attachment-${attachment.type}`} data-attachment={attachment.type}>
      {media ?? (
        <span className="attachment-icon" aria-hidden="true">
          {ICON[attachment.type]}
        </span>
      )}
      <figcaption>
        <strong>{label}</strong>
        {attachment.caption && <span>{attachment.caption}</span>}
        {details && <span className="muted small">{details}</span>}
        {src ? (
          <a href={src} target="_blank" rel="noreferrer noopener">
            {t('attachment.open')}
          </a>
        ) : (
          !attachment.url && <span className="muted small">{t('attachment.notStored')}</span>
        )}
      </figcaption>
    </figure>
  );
}
