import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useI18n } from '../../i18n/i18n';
import type { ViewerPhoto } from './photo-gallery';

/** A horizontal move this long (CSS pixels) on a touch screen turns the page. */
const SWIPE = 50;

/**
 * The photo viewer: a modal dialog with the display copy as large as the screen allows. Arrow keys
 * or a swipe go to the previous and next photo, Escape or the close button close it, "İndir" saves
 * the copy (without EXIF, like everything served).
 */
export function PhotoViewer({ photos, start, onClose }: { photos: ViewerPhoto[]; start: number; onClose(): void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [index, setIndex] = useState(start);
  const [broken, setBroken] = useState(false);
  const touchX = useRef<number | null>(null);
  const count = photos.length;
  const photo = photos[index];
  const go = useCallback(
    (step: number) => {
      if (count < 2) {
        return;
      }
      setBroken(false);
      setIndex((i) => (i + step + count) % count);
    },
    [count],
  );

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) {
      element.showModal();
    }
    return () => element?.close();
  }, []);

  if (!photo) {
    return null;
  }
  return createPortal(
    <dialog
      ref={dialog}
      className="photo-viewer"
      aria-label={t('photos.viewer')}
      data-testid="photo-viewer"
      onCancel={(e) => {
        // Escape: React closes it by unmounting, so the opener gets its focus back.
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowRight') {
          e.preventDefault();
          go(1);
        } else if (e.key === 'ArrowLeft') {
          e.preventDefault();
          go(-1);
        }
      }}
      onClick={(e) => {
        // A click on the backdrop (the dialog itself, outside the content) closes it.
        if (e.target === e.currentTarget) {
          onClose();
        }
      }}
    >
      <div
        className="photo-viewer-body"
        onTouchStart={(e) => {
          touchX.current = e.touches[0]?.clientX ?? null;
        }}
        onTouchEnd={(e) => {
          const from = touchX.current;
          const to = e.changedTouches[0]?.clientX;
          touchX.current = null;
          if (from !== null && to !== undefined && Math.abs(to - from) > SWIPE) {
            go(to < from ? 1 : -1);
          }
        }}
      >
        <header className="photo-viewer-bar">
          <span aria-live="polite" data-testid="photo-position">
            {count > 1 ? t('photos.position', { index: String(index + 1), count: String(count) }) : ''}
          </span>
          <a className="button" href={photo.src} download={photo.downloadName} data-testid="photo-download">
            {t('photos.download')}
          </a>
          <button type="button" onClick={onClose} autoFocus data-testid="photo-close">
            {t('photos.close')}
          </button>
        </header>
        <figure className="photo-viewer-figure">
          {broken ? (
            <p className="photo-viewer-broken">{t('photos.unreadable')}</p>
          ) : (
            <img src={photo.src} alt={photo.alt} data-testid="photo-large" onError={() => setBroken(true)} />
          )}
          {photo.alt && <figcaption>{photo.alt}</figcaption>}
        </figure>
        {count > 1 && (
          <>
            <button
              type="button"
              className="photo-viewer-step previous"
              aria-label={t('photos.previous')}
              onClick={() => go(-1)}
            >
              ‹
            </button>
            <button
              type="button"
              className="photo-viewer-step next"
              aria-label={t('photos.next')}
              onClick={() => go(1)}
            >
              ›
            </button>
          </>
        )}
        <p className="photo-viewer-keys small">{t('photos.keys')}</p>
      </div>
    </dialog>,
    document.body,
  );
}
