// Draws docs/images/icon.png, the extension's 256×256 icon: three Gantt bars (the middle one
// on the critical path) and a milestone diamond on a dark blue tile. No image library: shapes
// are sampled 4×4 per pixel for smooth edges and written as an RGBA PNG with node:zlib.
// Run: node docs/images/icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 256;
const SAMPLES = 4;

const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const diamond = (cx, cy, r) => (x, y) => Math.abs(x - cx) + Math.abs(y - cy) <= r;
const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));

// Back to front.
const shapes = [
  { inside: roundedRect(8, 8, 248, 248, 44), color: hex('#1f3b5c') },
  { inside: roundedRect(40, 56, 132, 88, 8), color: hex('#4c8df0') },
  { inside: roundedRect(92, 112, 196, 144, 8), color: hex('#f0605a') },
  { inside: roundedRect(148, 168, 214, 200, 8), color: hex('#3fb950') },
  { inside: diamond(206, 84, 22), color: hex('#f5c542') },
];

const pixels = Buffer.alloc(SIZE * SIZE * 4);
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    let [r, g, b, a] = [0, 0, 0, 0];
    for (const shape of shapes) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          if (shape.inside(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES)) hits++;
        }
      }
      const cover = hits / (SAMPLES * SAMPLES);
      if (cover === 0) continue;
      // "over" compositing with premultiplied channels.
      r = shape.color[0] * cover + r * (1 - cover);
      g = shape.color[1] * cover + g * (1 - cover);
      b = shape.color[2] * cover + b * (1 - cover);
      a = cover + a * (1 - cover);
    }
    const i = (y * SIZE + x) * 4;
    pixels[i] = a > 0 ? Math.round(r / a) : 0;
    pixels[i + 1] = a > 0 ? Math.round(g / a) : 0;
    pixels[i + 2] = a > 0 ? Math.round(b / a) : 0;
    pixels[i + 3] = Math.round(a * 255);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bits per channel
header[9] = 6; // RGBA
const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) pixels.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`wrote docs/images/icon.png (${png.length} bytes)`);
