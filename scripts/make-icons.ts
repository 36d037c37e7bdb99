/**
 * Draws the app icons into public/ (the web manifest's 192 and 512 px PNGs and a maskable 512 px
 * one): a teal square with three rings, the "life circles". Dependency-free: pixels are computed
 * here and written as PNG with node:zlib.
 *
 *   npx tsx scripts/make-icons.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const PUBLIC = path.resolve(here, '../public');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** RGBA pixels of the icon at `size` px; `inset` (0–1) shrinks the drawing for the maskable safe zone. */
function iconPixels(size: number, inset: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const c = size / 2;
  const scale = (size / 2) * (1 - inset);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x + 0.5 - c, y + 0.5 - c) / scale;
      let rgb = [0x1f, 0x7a, 0x72]; // teal background
      if (r < 0.18)
        rgb = [0xff, 0xc8, 0x57]; // the facility at the centre
      else if (Math.abs(r - 0.42) < 0.06 || Math.abs(r - 0.68) < 0.05 || Math.abs(r - 0.9) < 0.04) rgb = [0xf4, 0xf2, 0xed];
      const i = (y * size + x) * 4;
      px.set([rgb[0]!, rgb[1]!, rgb[2]!, 255], i);
    }
  return px;
}

function png(size: number, inset: number): Buffer {
  const px = iconPixels(size, inset);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(px.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

for (const [name, size, inset] of [
  ['icon-192.png', 192, 0],
  ['icon-512.png', 512, 0],
  ['icon-maskable-512.png', 512, 0.2],
  ['apple-touch-icon.png', 180, 0],
] as const) {
  const bytes = png(size, inset);
  writeFileSync(path.join(PUBLIC, name), bytes);
  console.log(`public/${name}: ${bytes.length} bytes`);
}
