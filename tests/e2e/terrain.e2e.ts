/**
 * Modes and terrain together in real Chromium on the built app, on the real north-Bayreuth data
 * (OpenStreetMap, © OpenStreetMap contributors, ODbL) and its SRTM crop (NASA, public domain; see
 * tests/fixtures/real/README.md), on the road-network model: rural culture by e-bike raises the
 * culture share; an SRTM tile far from the roads says so beside the elevation input and changes
 * nothing; the real DEM changes the shares (culture, ridden by e-bike, among them), the card says
 * every road follows the slope (in English and Chinese), and the exported summary's provenance
 * names the mode and the DEM file with its SHA-256.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { REPO_ROOT, saveScreenshot, useAppSession } from './browser';

/** The machine is shared and draws with SwiftShader: generous waits, polled, never slept. */
const SLOW = 180_000;
const REAL = path.join(REPO_ROOT, 'tests/fixtures/real');
const DEM_NAME = 'north-bayreuth-srtm.tif';
const DEM = readFileSync(path.join(REAL, 'dem', DEM_NAME));

const { open } = useAppSession({
  openOptions: {
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    readySelectors: [{ selector: 'main[data-status="ready"]', timeoutMs: SLOW }],
  },
  afterOpen: (app) => app.page.setDefaultTimeout(SLOW),
});

/** Every category's overall share as shown (`category-share-<id>`, without the urban/rural parts). */
async function shares(page: Page): Promise<Record<string, string>> {
  const pairs = await page.$$eval('[data-testid^="category-share-"]', (els) =>
    els.map((e) => [e.getAttribute('data-testid') ?? '', e.textContent ?? ''] as const),
  );
  return Object.fromEntries(
    pairs.filter(([id]) => !/-(urban|rural)$/.test(id)).map(([id, text]) => [id.slice('category-share-'.length), text]),
  );
}

/** The app idle: ready, and no job bar. */
async function idle(page: Page): Promise<void> {
  await page.waitForSelector('main[data-status="ready"]', { timeout: SLOW });
  await page.waitForSelector('[data-testid="job-bar"]', { state: 'detached', timeout: SLOW });
}

/** Load one file of the north-Bayreuth fixture into a layer and wait for its report. */
async function upload(page: Page, layer: string, file: string): Promise<void> {
  const buffer = readFileSync(path.join(REAL, 'north-bayreuth', file));
  await page.getByTestId(`file-input-${layer}`).setInputFiles({ name: file, mimeType: 'application/geo+json', buffer });
  await expect.poll(() => page.getByTestId(`report-${layer}`).locator('h4').innerText(), { timeout: SLOW }).toContain(file);
  await idle(page);
}

/** An SRTM 3″ tile (1201 × 1201 big-endian int16) of flat ground at 10 m. */
function flatTile(): Buffer {
  const bytes = Buffer.alloc(1201 * 1201 * 2);
  for (let i = 0; i < 1201 * 1201; i++) bytes.writeInt16BE(10, 2 * i);
  return bytes;
}

describe('modes and terrain in the browser (north Bayreuth)', () => {
  it('rural culture by e-bike, then a DEM: the shares change, the card says how the DEM was used, the summary names both', async () => {
    const { page } = await open('en-US');
    await upload(page, 'communities', 'communities.geojson');
    await upload(page, 'facilities', 'facilities.geojson');
    await upload(page, 'roads', 'roads.geojson');
    await page.getByTestId('model-select').selectOption('network');
    await expect.poll(() => page.getByTestId('result-model').getAttribute('data-model'), { timeout: SLOW }).toBe('network');
    await idle(page);
    const walking = await shares(page);
    expect(Object.keys(walking).sort()).toEqual(['canteen', 'childcare', 'clinic', 'convenience', 'culture', 'sports']);

    // every north-Bayreuth community is rural: rural culture by e-bike raises the culture share, and only it
    await page.getByTestId('mode-culture-rural').selectOption('ebike');
    const pct = (s: string | undefined) => Number((s ?? '').replace(/[^\d.]/g, ''));
    await expect.poll(async () => pct((await shares(page)).culture), { timeout: SLOW }).toBeGreaterThan(pct(walking.culture));
    await idle(page);
    const ebike = await shares(page);
    expect({ ...ebike, culture: walking.culture }).toEqual(walking);

    // a tile far from the roads (near Ningbo) is used for nothing, and the card says so
    const input = page.getByTestId('file-input-dem');
    await input.setInputFiles({ name: 'N29E121.hgt', mimeType: 'application/octet-stream', buffer: flatTile() });
    await expect.poll(() => page.getByTestId('dem-status').innerText(), { timeout: SLOW }).toBe('Slope from: N29E121.hgt');
    await expect
      .poll(
        () =>
          page
            .getByTestId('dem-note-noOverlap')
            .innerText()
            .catch(() => ''),
        { timeout: SLOW },
      )
      .toBe('The elevation data (N29E121.hgt) does not overlap the roads: every road keeps flat costs.');
    await idle(page);
    expect(await shares(page)).toEqual(ebike);
    saveScreenshot('terrain-dem-no-overlap.png', await page.getByTestId('layer-dem').screenshot());

    // the real DEM: the shares move (culture, ridden by e-bike, among them) and every road follows the slope
    await page.getByTestId('dem-clear').click();
    await expect.poll(() => page.getByTestId('dem-status').innerText(), { timeout: SLOW }).toBe('No elevation loaded: flat ground.');
    await idle(page);
    await input.setInputFiles({ name: DEM_NAME, mimeType: 'image/tiff', buffer: DEM });
    await expect.poll(() => page.getByTestId('dem-note-covered').count(), { timeout: SLOW }).toBe(2);
    await expect.poll(async () => (await shares(page)).culture, { timeout: SLOW }).not.toBe(ebike.culture);
    await idle(page);
    const slope = await shares(page);
    const covered = await page.getByTestId('dem-note-covered').allInnerTexts();
    expect(covered).toEqual([
      expect.stringMatching(/^Walk: all [\d,]+ road segments follow the slope\.$/),
      expect.stringMatching(/^E-bike: all [\d,]+ road segments follow the slope\.$/),
    ]);
    expect(await page.getByTestId('dem-note-noOverlap').count()).toBe(0);
    expect(await page.getByTestId('dem-error').count()).toBe(0);
    const changed = Object.keys(slope).filter((k) => slope[k] !== ebike[k]);
    expect(changed).toContain('culture');
    console.log(
      `north Bayreuth shares: walking ${JSON.stringify(walking)}; rural culture by e-bike ${JSON.stringify(ebike)}; with ${DEM_NAME} ${JSON.stringify(slope)}`,
    );
    saveScreenshot('terrain-dem-card.png', await page.getByTestId('layer-dem').screenshot());

    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }), page.getByTestId('export-summary').click()]);
    const summary = JSON.parse(readFileSync((await dl.path())!, 'utf8')) as {
      provenance: {
        inputs: { layer: string; file: string; format: string; sha256: string; bytes: number }[];
        travel_by_category: Record<string, { urban: { mode: string; speed_kmh: number }; rural: { mode: string; speed_kmh: number } }>;
      };
    };
    expect(summary.provenance.travel_by_category.culture!.rural).toEqual({ mode: 'ebike', speed_kmh: 20 });
    expect(summary.provenance.inputs.filter((f) => f.layer === 'dem')).toEqual([
      expect.objectContaining({
        file: DEM_NAME,
        format: 'geotiff',
        bytes: DEM.length,
        sha256: createHash('sha256').update(DEM).digest('hex'),
      }),
    ]);

    // the card's notes are in the UI's language
    await page.getByTestId('lang-switch').click();
    await expect
      .poll(() => page.getByTestId('dem-note-covered').first().innerText(), { timeout: SLOW })
      .toMatch(/^步行：全部 [\d,]+ 段道路按坡度计算。$/);
    expect(await page.getByTestId('dem-note-covered').nth(1).innerText()).toMatch(/^电动自行车：全部 [\d,]+ 段道路按坡度计算。$/);
  }, 900_000);
});
