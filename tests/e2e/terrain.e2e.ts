/**
 * Terrain in real Chromium on the built app and the built-in sample (near Ningbo): a `.hgt` of the
 * wrong size is refused with the reason and changes nothing; then a synthetic hilly SRTM tile
 * N29E121.hgt (1201², ±120 m hills) dropped on the elevation input changes the coverage numbers,
 * and the exported summary's provenance lists the tile with its SHA-256.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot, useAppSession } from './browser';

const SLOW = 180_000;
const { open } = useAppSession({
  openOptions: {
    readySelectors: [
      { selector: '[data-testid="map"][data-map-ready="true"]', timeoutMs: SLOW },
      { selector: 'main[data-status="ready"]', timeoutMs: SLOW },
    ],
  },
});

/** An SRTM 3″ tile with hills: z = 150 + 120·sin(col/6)·cos(row/7) metres (slopes up to ~20 %). */
function hillyTile(): Buffer {
  const n = 1201;
  const bytes = Buffer.alloc(n * n * 2);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) bytes.writeInt16BE(Math.round(150 + 120 * Math.sin(c / 6) * Math.cos(r / 7)), 2 * (r * n + c));
  return bytes;
}

const shares = (page: Page): Promise<string[]> =>
  page.$$eval('[data-testid^="category-share-"]', (els) =>
    els.filter((e) => !/-(urban|rural)$/.test(e.getAttribute('data-testid') ?? '')).map((e) => e.textContent ?? ''),
  );

describe('elevation in the browser', () => {
  it('refuses a short .hgt, then a dropped SRTM tile changes the numbers and the summary names it', async () => {
    const { page } = await open();
    page.setDefaultTimeout(SLOW);
    const before = await shares(page);
    expect(before.length).toBeGreaterThan(0);
    const input = page.getByTestId('file-input-dem');

    await input.setInputFiles({ name: 'N29E121.hgt', mimeType: 'application/octet-stream', buffer: Buffer.alloc(1000) });
    await expect.poll(() => page.getByTestId('dem-error').innerText(), { timeout: SLOW }).toContain('"N29E121.hgt" has 1000 bytes');
    expect(await page.getByTestId('dem-status').innerText()).toBe('No elevation loaded: flat ground.');

    const tile = hillyTile();
    await input.setInputFiles({ name: 'N29E121.hgt', mimeType: 'application/octet-stream', buffer: tile });
    await expect.poll(() => page.getByTestId('dem-status').innerText(), { timeout: SLOW }).toBe('Slope from: N29E121.hgt');
    expect(await page.getByTestId('dem-error').count()).toBe(0);
    await page.waitForSelector('main[data-status="ready"]', { timeout: SLOW });
    await expect.poll(() => shares(page), { timeout: SLOW }).not.toEqual(before);
    saveScreenshot('terrain-dem-card.png', await page.getByTestId('layer-dem').screenshot());

    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }), page.getByTestId('export-summary').click()]);
    const summary = JSON.parse(readFileSync((await dl.path())!, 'utf8')) as {
      provenance: { inputs: { layer: string; file: string; format: string; sha256: string; bytes: number }[] };
    };
    const dem = summary.provenance.inputs.filter((f) => f.layer === 'dem');
    expect(dem).toEqual([
      expect.objectContaining({
        file: 'N29E121.hgt',
        format: 'hgt',
        bytes: tile.length,
        sha256: createHash('sha256').update(tile).digest('hex'),
      }),
    ]);
  }, 600_000);
});
