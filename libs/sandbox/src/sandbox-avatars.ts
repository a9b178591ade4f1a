import { deflateSync } from 'node:zlib';

const SIZE = 64;
/** Calm, distinct background colours; each citizen gets one by position. */
const COLOURS: [number, number, number][] = [
  [46, 125, 150],
  [156, 77, 204],
  [214, 96, 77],
  [60, 140, 90],
  [200, 150, 40],
];

/**
 * A generated profile picture for a sandbox citizen: a 64×64 PNG, a coloured disc with a lighter
 * head-and-shoulders shape, so the demo inbox shows pictures without any image asset or network.
 */
export function sandboxAvatarPng(index: number): Buffer {
  const [r, g, b] = COLOURS[index % COLOURS.length];
  const light: [number, number, number] = [Math.min(255, r + 90), Math.min(255, g + 90), Math.min(255, b + 90)];
  const rows = Buffer.alloc((SIZE * 3 + 1) * SIZE);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const head = (x - 32) ** 2 + (y - 24) ** 2 < 11 ** 2;
      const shoulders = y > 40 && (x - 32) ** 2 + (y - 64) ** 2 < 24 ** 2;
      const colour = head || shoulders ? light : [r, g, b];
      rows.set(colour, y * (SIZE * 3 + 1) + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  let c = 0xffffffff;
  for (const byte of body) {
    c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  }
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE((c ^ 0xffffffff) >>> 0);
  return Buffer.concat([length, body, crc]);
}
