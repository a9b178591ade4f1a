/** One photo as the viewer shows it: its display copy (no EXIF), what it shows, and a file name to save it under. */
export interface ViewerPhoto {
  src: string;
  alt: string;
  downloadName: string;
}

/** Where a thumbnail's neighbours are: a group marked for it (the case's photos) or the conversation thread. */
const GROUP = '[data-photo-group], .thread';

/**
 * The photos around a thumbnail, in page order, and the thumbnail's position among them: the viewer
 * steps through the conversation's photos (or the case's) without every list handing them down.
 */
export function gatherPhotos(thumbnail: HTMLElement): { photos: ViewerPhoto[]; index: number } {
  const group = thumbnail.closest(GROUP) ?? thumbnail.parentElement ?? thumbnail;
  const buttons = Array.from(group.querySelectorAll<HTMLElement>('[data-photo-src]'));
  const photos = buttons.map((b) => ({
    src: b.dataset.photoSrc ?? '',
    alt: b.dataset.photoAlt ?? '',
    downloadName: b.dataset.photoName ?? 'fotograf.jpg',
  }));
  const index = Math.max(0, buttons.indexOf(thumbnail));
  return photos.length > 0 ? { photos, index } : { photos: [], index: 0 };
}

/** The served copy is a JPEG: "IMG_2231.HEIC" is saved as "IMG_2231.jpg". */
export function jpegName(fileName: string | null | undefined, fallback: string): string {
  const base = (fileName ?? '').replace(/\.[^./]{1,8}$/, '').trim();
  return `${base || fallback}.jpg`;
}

/** The thumbnail of a served photo: the same signed link with ?size=thumb. */
export const thumbnailUrl = (src: string) => `${src}${src.includes('?') ? '&' : '?'}size=thumb`;
