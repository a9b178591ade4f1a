import type { AttachmentType } from './enums/message.enums';

/** A location pin as sent by the citizen (WhatsApp location, Messenger location). */
export interface GeoLocation {
  latitude: number;
  longitude: number;
  name?: string | null;
  address?: string | null;
  url?: string | null;
}

/** A contact card shared in a message (WhatsApp "contacts"). */
export interface ContactCard {
  name: string;
  phones: string[];
  emails?: string[];
}

/** One attachment of a message, stored as jsonb on the message row. */
export interface MessageAttachment {
  type: AttachmentType;
  /** The channel's media id (WhatsApp) or the channel's URL (Messenger, Instagram, X). */
  channelMediaId?: string | null;
  channelUrl?: string | null;
  mimeType?: string | null;
  fileName?: string | null;
  caption?: string | null;
  /** Our stored copy, once downloaded: the SHA-256 of the bytes (see libs/media). */
  mediaAssetId?: string | null;
  /** Path under MEDIA_DIR of the stored copy. */
  storageKey?: string | null;
  size?: number | null;
  /** pending until stored; failed after the download was retried and gave up; erased under KVKK retention. */
  downloadState?: 'pending' | 'stored' | 'failed' | 'erased' | null;
  downloadError?: string | null;
  location?: GeoLocation | null;
  contact?: ContactCard | null;
  /**
   * A photo's copies were made (libs/media MediaImageDeriver: thumbnail and display copy, upright,
   * without EXIF), with the display copy's size; absent for older photos until first served.
   */
  derived?: { width: number; height: number } | null;
  /** The GPS position the phone wrote into the photo's EXIF: offered as the case's location, never served in the file. */
  exifLocation?: { latitude: number; longitude: number } | null;
}

/** One earlier version of an edited message. */
export interface MessageEdit {
  text: string | null;
  editedAt: string;
}

/** The channel's reason for a failed send. */
export interface DeliveryError {
  code?: string | number | null;
  title: string;
  detail?: string | null;
}

/**
 * `DeliveryError.code` of a reply whose send was interrupted (the worker died mid-send): the channel
 * may or may not have published it, so it is not sent again. A status naming it can reconcile it.
 */
export const SEND_INTERRUPTED = 'send_interrupted';

/** True when the attachment points at bytes to fetch (locations and contact cards do not). */
export function isDownloadable(attachment: MessageAttachment): boolean {
  return !!(attachment.channelMediaId || attachment.channelUrl);
}
