/** A real 1×1 PNG (signature, IHDR, IDAT, IEND) for tests that need image bytes a server recognizes. */
export const TINY_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63fccfc0500f000485018084a98c210000000049454e44ae426082',
  'hex',
);
