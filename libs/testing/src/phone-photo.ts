import sharp from 'sharp';

/** The position the sample photos carry: Bornova, İzmir (38.4622 N, 27.2185 E). */
export const PHONE_PHOTO_POSITION = { latitude: 38.4622, longitude: 27.2185 };

/**
 * A JPEG as a phone writes it: landscape pixels with an EXIF orientation that turns it upright
 * (6 = rotate 90° clockwise), the device in IFD0 and, unless `gps` is false, a GPS position. The
 * left half is red and the right half blue, so a test can tell that a copy was turned.
 */
export async function phonePhoto(options: { gps?: boolean; width?: number; height?: number } = {}): Promise<Buffer> {
  const width = options.width ?? 640;
  const height = options.height ?? 480;
  const half = Math.floor(width / 2);
  const blue = await sharp({ create: { width: width - half, height, channels: 3, background: '#1040e0' } })
    .png()
    .toBuffer();
  const exif: Record<string, Record<string, string>> = {
    IFD0: { Make: 'Samsung', Model: 'Galaxy S23', Software: 'civic-inbox test' },
  };
  if (options.gps !== false) {
    // 38° 27' 43.92" N, 27° 13' 6.6" E
    exif.IFD3 = {
      GPSLatitudeRef: 'N',
      GPSLatitude: '38/1 27/1 4392/100',
      GPSLongitudeRef: 'E',
      GPSLongitude: '27/1 13/1 660/100',
    };
  }
  return sharp({ create: { width, height, channels: 3, background: '#e01010' } })
    .composite([{ input: blue, left: half, top: 0 }])
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExif(exif)
    .toBuffer();
}
