import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { gatherPhotos, thumbnailUrl, type ViewerPhoto } from './photo-gallery';
import { PhotoViewer } from './photo-viewer';
import './photos.css';

/** Longest side of a thumbnail on screen, CSS pixels (the served thumbnail is 320 px: sharp on a 2× screen). */
const BOX = 160;

/**
 * A photo as a thumbnail (lazy, with alt text) that opens the viewer on click or Enter: the
 * display copy large, with the other photos of its conversation (or case) one arrow key away.
 * `src` is the signed link to the display copy; the thumbnail is the same link with ?size=thumb.
 */
export function PhotoThumbnail({
  src,
  alt,
  downloadName,
  size,
  onError,
  imgClassName,
  imgTestId,
}: {
  src: string;
  alt: string;
  downloadName: string;
  /** The display copy's size, when known: the thumbnail keeps its place before it loads. */
  size?: { width: number; height: number } | null;
  onError?: () => void;
  imgClassName?: string;
  imgTestId?: string;
}) {
  const { t } = useI18n();
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState<{ photos: ViewerPhoto[]; index: number } | null>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    // Once the viewer is gone (a modal dialog makes the page inert while it is open), focus returns here.
    if (!open && wasOpen.current) {
      button.current?.focus();
    }
    wasOpen.current = open !== null;
  }, [open]);
  const scale = size && size.width > 0 && size.height > 0 ? BOX / Math.max(size.width, size.height) : null;
  return (
    <>
      <button
        ref={button}
        type="button"
        className="photo-thumb"
        aria-label={t('photos.open', { name: alt })}
        aria-haspopup="dialog"
        data-photo-src={src}
        data-photo-alt={alt}
        data-photo-name={downloadName}
        data-testid="photo-thumb"
        onClick={() => button.current && setOpen(gatherPhotos(button.current))}
      >
        <img
          src={thumbnailUrl(src)}
          alt={alt}
          loading="lazy"
          decoding="async"
          width={scale ? Math.round(size!.width * scale) : undefined}
          height={scale ? Math.round(size!.height * scale) : undefined}
          onError={onError}
          className={imgClassName}
          data-testid={imgTestId}
        />
      </button>
      {open && <PhotoViewer photos={open.photos} start={open.index} onClose={() => setOpen(null)} />}
    </>
  );
}
