// Draws the extension icon (media/icon.png, 128×128): three stacked waves on a dark tile, written as a PNG without dependencies.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const BACKGROUND = [0x1b, 0x2a, 0x41];
/** One wave per boot wave, lightest first: they read as "wave 0, 1, 2" stacked in order. */
const WAVES = [
  { centre: 40, colour: [0x7f, 0xd1, 0xf7] },
  { centre: 64, colour: [0x3f, 0xa9, 0xe0] },
  { centre: 88, colour: [0xef, 0x7b, 0x2d] },
];
const THICKNESS = 7;
const AMPLITUDE = 8;
const CORNER_RADIUS = 20;

function insideRoundedTile(x, y) {
  const dx = Math.max(CORNER_RADIUS - x, 0, x - (SIZE - 1 - CORNER_RADIUS));
  const dy = Math.max(CORNER_RADIUS - y, 0, y - (SIZE - 1 - CORNER_RADIUS));
  return dx * dx + dy * dy <= CORNER_RADIUS * CORNER_RADIUS;
}

function pixel(x, y) {
  if (!insideRoundedTile(x, y)) return [0, 0, 0, 0];
  for (const wave of WAVES) {
    const crest = wave.centre + AMPLITUDE * Math.sin(((x - 14) / (SIZE - 28)) * 2 * Math.PI);
    if (x >= 14 && x <= SIZE - 14 && Math.abs(y - crest) <= THICKNESS / 2) return [...wave.colour, 255];
  }
  return [...BACKGROUND, 255];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.writeUInt8(8, 8); // bit depth
header.writeUInt8(6, 9); // colour type: RGBA
const rows = [];
for (let y = 0; y < SIZE; y++) {
  rows.push(Buffer.from([0])); // filter: none
  for (let x = 0; x < SIZE; x++) rows.push(Buffer.from(pixel(x, y)));
}
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
console.log(`media/icon.png: ${png.length} bytes`);
