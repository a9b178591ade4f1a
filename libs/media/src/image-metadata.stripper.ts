import sharp from 'sharp';

/** The image types an officer's reply may carry that hold EXIF (device, GPS) or text chunks. */
export type StrippableImageType = 'image/jpeg' | 'image/png';

/**
 * Officers' photos leave without metadata: a phone writes its model and often where the officer
 * stood (EXIF GPS), which a citizen must never receive. The picture is turned upright first (the
 * EXIF orientation goes with the rest) and re-encoded in its own format.
 */
export class ImageMetadataStripper {
  /** The image without metadata, or null when it cannot be decoded (damaged, cut short, not an image). */
  static async strip(bytes: Buffer, mimeType: StrippableImageType): Promise<Buffer | null> {
    try {
      const image = sharp(bytes, { limitInputPixels: 100_000_000 }).rotate();
      return await (mimeType === 'image/png' ? image.png() : image.jpeg({ quality: 90, mozjpeg: true })).toBuffer();
    } catch {
      return null;
    }
  }
}
