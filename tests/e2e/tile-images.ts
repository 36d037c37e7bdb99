/**
 * Pictures for the base-map browser tests: PNG tiles made in Node (zlib and CRC only, no image
 * library), crops of screenshots for the saved pictures, and the centroid of a colour near a point.
 */
import { deflateSync, crc32 } from 'node:zlib';
import type { Page } from 'playwright-core';

/** `[r, g, b]` or `[r, g, b, a]`, 0–255. */
export type Pixel = readonly [number, number, number] | readonly [number, number, number, number];

/** A PNG file of `w`×`h` RGBA pixels from `pixel(x, y)` (an RGB pixel is opaque). */
export function png(w: number, h: number, pixel: (x: number, y: number) => Pixel): Buffer {
  const raw = Buffer.alloc((w * 4 + 1) * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const p = pixel(x, y);
      raw.set([p[0], p[1], p[2], p[3] ?? 255], y * (w * 4 + 1) + 1 + x * 4);
    }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Width and height of a PNG file (from its IHDR). */
export const pngSize = (file: Buffer): { w: number; h: number } => ({ w: file.readUInt32BE(16), h: file.readUInt32BE(20) });

/** A small PNG of part of a screenshot (`x`, `y`, `w`, `h` in its pixels), for the saved pictures. */
export async function crop(page: Page, shot: Buffer, x: number, y: number, w: number, h: number): Promise<Buffer> {
  const b64 = await page.evaluate(
    async ({ b64, x, y, w, h }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(w, h);
      canvas.getContext('2d')!.drawImage(bitmap, Math.max(0, x), Math.max(0, y), w, h, 0, 0, w, h);
      const out = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
      let text = '';
      for (const b of out) text += String.fromCharCode(b);
      return btoa(text);
    },
    { b64: shot.toString('base64'), x, y, w, h },
  );
  return Buffer.from(b64, 'base64');
}

/**
 * Centroid (screenshot pixels) and count of the pixels within 10 of `rgb` in the square of
 * ±`radius` px around (`cx`, `cy`).
 */
export async function colourCentroid(
  page: Page,
  shot: Buffer,
  cx: number,
  cy: number,
  rgb: readonly number[],
  radius = 14,
): Promise<{ n: number; x: number; y: number }> {
  return page.evaluate(
    async ({ b64, cx, cy, rgb, radius }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let n = 0;
      let sx = 0;
      let sy = 0;
      for (let y = Math.max(0, Math.floor(cy - radius)); y <= Math.min(bitmap.height - 1, cy + radius); y++)
        for (let x = Math.max(0, Math.floor(cx - radius)); x <= Math.min(bitmap.width - 1, cx + radius); x++) {
          const i = (y * bitmap.width + x) * 4;
          if ([0, 1, 2].every((k) => Math.abs(px[i + k]! - rgb[k]!) <= 10)) {
            n++;
            sx += x + 0.5;
            sy += y + 0.5;
          }
        }
      return { n, x: sx / n, y: sy / n };
    },
    { b64: shot.toString('base64'), cx, cy, rgb: [...rgb], radius },
  );
}
