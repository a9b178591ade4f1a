import type { Attachment } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { jpegName } from './photos/photo-gallery';
import { PhotoThumbnail } from './photos/photo-thumbnail';
import { useMediaUrl, useStableSrc } from './use-media-url';

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

/** A short, language-free name of a file type: "PDF", "Word", "JPEG"; null when unknown. */
function fileKind(mimeType: string | null | undefined, fileName: string | null | undefined): string | null {
  const mime = mimeType?.toLowerCase() ?? '';
  if (mime === 'application/pdf') {
    return 'PDF';
  }
  if (mime.includes('wordprocessingml') || mime === 'application/msword') {
    return 'Word';
  }
  if (mime.includes('spreadsheetml') || mime === 'application/vnd.ms-excel') {
    return 'Excel';
  }
  const extension = /\.([a-z0-9]{1,5})$/i.exec(fileName ?? '')?.[1];
  if (extension) {
    return extension.toUpperCase();
  }
  const subtype = /^[a-z]+\/([a-z0-9]{1,5})$/.exec(mime)?.[1];
  return subtype ? subtype.toUpperCase() : null;
}

/**
 * A photo, video, audio clip or document from our stored copy, through a signed media link: a
 * photo's thumbnail that opens the viewer (the server only ever serves copies without EXIF),
 * players for video and audio, a named link with type and size for a document.
 */
export function AttachmentView({ attachment }: { attachment: Attachment & { mediaUrl?: string | null } }) {
  const { t, format } = useI18n();
  const latest = useMediaUrl(attachment);
  const { src, onError } = useStableSrc(latest);
  const label = t(`attachment.${attachment.type}`);
  const isPhoto = attachment.type === 'image' || attachment.type === 'sticker';
  const alt = attachment.caption ?? attachment.fileName ?? (isPhoto ? t('photos.photoAlt') : label);
  const kind = fileKind(attachment.mimeType, attachment.fileName);
  const size =
    typeof attachment.size === 'number'
      ? attachment.size >= 1_000_000
        ? format.number(attachment.size / 1_000_000, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 })
        : format.number(Math.max(1, Math.round(attachment.size / 1000)), { style: 'unit', unit: 'kilobyte' })
      : null;
  const details = [kind, size].filter(Boolean).join(' · ');
  let media = null;
  if (src && isPhoto) {
    media = (
      <PhotoThumbnail
        src={src}
        alt={alt}
        downloadName={jpegName(attachment.fileName, 'fotograf')}
        size={attachment.derived}
        onError={onError}
        imgClassName="attachment-image"
      />
    );
  } else if (src && attachment.type === 'video') {
    media = (
      <video src={src} controls preload="metadata" aria-label={alt} className="attachment-video" onError={onError} />
    );
  } else if (src && attachment.type === 'audio') {
    media = <audio src={src} controls preload="metadata" aria-label={alt} onError={onError} />;
  }
  return (
    <figure className={`attachment attachment-kind-${attachment.type}`} data-attachment={attachment.type}>
      {media ?? (
        <span className="attachment-icon" aria-hidden="true">
          {ICON[attachment.type]}
        </span>
      )}
      <figcaption>
        {attachment.type === 'document' && latest ? (
          <a
            href={latest}
            target="_blank"
            rel="noreferrer noopener"
            className="attachment-document"
            download={attachment.fileName ?? true}
          >
            {attachment.fileName ?? label}
          </a>
        ) : (
          <strong>{attachment.type === 'document' ? (attachment.fileName ?? label) : label}</strong>
        )}
        {attachment.caption && <span>{attachment.caption}</span>}
        {details && <span className="muted small">{details}</span>}
        {latest && attachment.type !== 'document' && attachment.type !== 'image' && attachment.type !== 'sticker' && (
          <a href={latest} target="_blank" rel="noreferrer noopener">
            {t('attachment.open')}
          </a>
        )}
        {!attachment.url && <span className="muted small">{t('attachment.notStored')}</span>}
      </figcaption>
    </figure>
  );
}
