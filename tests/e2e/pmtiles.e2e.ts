/**
 * The local vector base map from a `.pmtiles` file, with the network blocked: the north Bayreuth
 * fixture (built by scripts/make-pmtiles-fixture.ts from the real OSM fixture) draws land, roads and
 * village labels under the analysis, in the light, dark and grey themes; labels follow the UI
 * language switch; a file that is not PMTiles, or a raster archive, is refused with what it is and the
 * base map stays; after a reload the kept file draws again without being picked, and when the kept
 * file is gone the base map falls back to None with a notice.
 */
import { readFileSync } from 'node:fs';
import type { FeatureCollection, Point } from 'geojson';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { countPixels, isLocalUrl, mapScreenshot, saveScreenshot, useAppSession } from './browser';
import { BG, hexRgb } from './map-pixels';
import { crop, pngSize } from './tile-images';
import { namedFlavor } from '@protomaps/basemaps';
import { makePmtilesFixture } from '../../scripts/make-pmtiles-fixture';
import { northBayreuth } from '../helpers/fixtures';

const { open } = useAppSession({
  openOptions: {
    readySelectors: [
      { selector: '[data-testid="map"][data-map-ready="true"]', timeoutMs: 180_000 },
      { selector: 'main[data-status="ready"]', timeoutMs: 180_000 },
    ],
  },
  afterOpen: (app) => app.page.setDefaultTimeout(180_000),
});

const PMTILES = Buffer.from(makePmtilesFixture('protomaps'));
const RASTER = Buffer.from(makePmtilesFixture('raster'));
const communities = JSON.parse(readFileSync(northBayreuth('communities.geojson'), 'utf8')) as FeatureCollection<Point>;
const villageNames = new Set(communities.features.map((f) => String(f.properties?.['name'])));
/** Each theme's land colour (`earth` of its @protomaps/basemaps flavor). */
const EARTH = {
  light: hexRgb(namedFlavor('light').earth),
  dark: hexRgb(namedFlavor('dark').earth),
  grey: hexRgb(namedFlavor('grayscale').earth),
};

async function ready(page: Page) {
  await page.waitForSelector('main[data-status="ready"]', { timeout: 180_000 });
}

/** Map pixels of the land colour (of `theme`), once two screenshots in a row agree. */
async function earthPixels(page: Page, theme: keyof typeof EARTH = 'light'): Promise<{ png: Buffer; earth: number; total: number }> {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const png = await mapScreenshot(page);
    const counts = await countPixels(page, png, BG, [[EARTH[theme]]], 4);
    const earth = counts.matches[0] ?? 0;
    if (earth === last) return { png, earth, total: counts.total };
    last = earth;
    await page.waitForTimeout(500);
  }
  throw new Error('map never settled');
}

/** The middle 520×340 of a map screenshot (villages and their labels), for the saved pictures. */
async function middle(page: Page, shot: Buffer): Promise<Buffer> {
  const { w, h } = pngSize(shot);
  return crop(page, shot, Math.round(w / 2 - 260), Math.round(h / 2 - 170), 520, 340);
}

const labelCount = async (page: Page) => Number((await page.getByTestId('map').getAttribute('data-basemap-labels')) ?? '0');
const labelNames = async (page: Page) =>
  ((await page.getByTestId('map').getAttribute('data-basemap-label-names')) ?? '').split('|').filter(Boolean);

describe('PMTiles base map', () => {
  it('draws the dropped archive with labels and no network; refuses other files and keeps it', async () => {
    const app = await open('en-US');
    const { page, context } = app;
    const attempted: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLocalUrl(url)) return route.continue();
      attempted.push(url);
      return route.abort();
    });

    // the planner's own data: north Bayreuth (the map fits to it)
    for (const layer of ['facilities', 'communities'] as const) {
      await page.getByTestId(`file-input-${layer}`).setInputFiles({
        name: `${layer}.geojson`,
        mimeType: 'application/geo+json',
        buffer: readFileSync(northBayreuth(`${layer}.geojson`)),
      });
      await expect.poll(() => page.getByTestId(`file-name-${layer}`).innerText(), { timeout: 180_000 }).toContain(`${layer}.geojson`);
      await ready(page);
    }
    await page.getByTestId('remove-roads').click();
    await ready(page);
    await page.waitForTimeout(1000);

    const none = await earthPixels(page);
    expect(none.earth / none.total).toBeLessThan(0.01);

    await page.getByTestId('basemap-select').selectOption('pmtiles');
    await page
      .getByTestId('basemap-pmtiles-input')
      .setInputFiles({ name: 'bayreuth.pmtiles', mimeType: 'application/octet-stream', buffer: PMTILES });
    await expect.poll(() => page.getByTestId('basemap-pmtiles-status').innerText()).toContain('bayreuth.pmtiles: vector base map');
    await expect.poll(() => labelCount(page), { timeout: 120_000 }).toBeGreaterThan(5);
    const shown = await earthPixels(page);
    saveScreenshot('basemap-pmtiles-en.png', await middle(page, shown.png));
    expect(shown.earth / shown.total, 'land colour under the analysis').toBeGreaterThan(0.2);
    const names = await labelNames(page);
    expect(names.filter((n) => villageNames.has(n)).length, `village labels: ${names.join(', ')}`).toBeGreaterThan(5);
    expect(await page.getByTestId('attribution').innerText()).toContain('© OpenStreetMap contributors');

    // labels follow the UI language (the fixture's villages have only local names: the same names, rebuilt)
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toMatch(/^zh/);
    await expect.poll(() => labelCount(page), { timeout: 120_000 }).toBeGreaterThan(5);
    saveScreenshot('basemap-pmtiles-zh.png', await middle(page, (await earthPixels(page)).png));
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toMatch(/^en/);

    // the other themes: their land colour under the analysis, labels still placed
    for (const theme of ['dark', 'grey'] as const) {
      await page.getByTestId('basemap-pmtiles-theme').selectOption(theme);
      await expect.poll(() => labelCount(page), { timeout: 120_000 }).toBeGreaterThan(5);
      const themed = await earthPixels(page, theme);
      saveScreenshot(`basemap-pmtiles-${theme}.png`, await middle(page, themed.png));
      expect(themed.earth / themed.total, `${theme} land colour under the analysis`).toBeGreaterThan(0.2);
    }
    await page.getByTestId('basemap-pmtiles-theme').selectOption('light');
    await expect.poll(async () => (await earthPixels(page)).earth / none.total, { timeout: 120_000 }).toBeGreaterThan(0.2);

    // not PMTiles: a clear error naming the file; the base map stays
    await page.getByTestId('basemap-pmtiles-input').setInputFiles({
      name: 'communities.pmtiles',
      mimeType: 'application/octet-stream',
      buffer: readFileSync(northBayreuth('communities.geojson')),
    });
    const status = page.getByTestId('basemap-pmtiles-status');
    await expect.poll(() => status.innerText()).toContain('communities.pmtiles is not a PMTiles archive');
    expect(await status.getAttribute('role')).toBe('alert');
    // raster tiles: says what it holds
    await page
      .getByTestId('basemap-pmtiles-input')
      .setInputFiles({ name: 'ortho.pmtiles', mimeType: 'application/octet-stream', buffer: RASTER });
    await expect.poll(() => status.innerText()).toContain('ortho.pmtiles holds raster tiles (PNG (raster))');
    await page.waitForTimeout(1000);
    const after = await earthPixels(page);
    expect(Math.abs(after.earth - shown.earth) / shown.earth, 'the base map stayed').toBeLessThan(0.02);
    expect(await labelCount(page), 'labels still placed').toBeGreaterThan(5);

    // a reload: the file kept in this browser draws again, not picked again
    await page
      .getByTestId('basemap-pmtiles-input')
      .setInputFiles({ name: 'bayreuth.pmtiles', mimeType: 'application/octet-stream', buffer: PMTILES });
    await expect.poll(() => status.innerText()).toContain('bayreuth.pmtiles: vector base map');
    await expect.poll(() => status.innerText(), { timeout: 60_000 }).toContain('kept in this browser');
    await page.reload();
    await page.waitForSelector('[data-testid="map"][data-map-ready="true"]', { timeout: 180_000 });
    await ready(page);
    expect(await page.getByTestId('basemap-select').inputValue()).toBe('pmtiles');
    await expect.poll(() => status.innerText(), { timeout: 60_000 }).toContain('bayreuth.pmtiles: vector base map');
    await expect.poll(() => labelCount(page), { timeout: 120_000 }).toBeGreaterThan(5);
    const reloaded = await earthPixels(page);
    expect(reloaded.earth / reloaded.total, 'land colour after the reload').toBeGreaterThan(0.2);
    const namesAfter = await labelNames(page);
    expect(
      namesAfter.filter((n) => villageNames.has(n)).length,
      `village labels after the reload: ${namesAfter.join(', ')}`,
    ).toBeGreaterThan(5);
    expect(await page.getByTestId('attribution').innerText()).toContain('© OpenStreetMap contributors');

    // the kept file gone (site data cleared): None, with a notice that says what to do
    await page.evaluate(
      () =>
        new Promise<void>((done, fail) => {
          const req = indexedDB.open('lifecircle');
          req.onerror = () => fail(req.error);
          req.onsuccess = () => {
            const tx = req.result.transaction('workspace', 'readwrite');
            tx.objectStore('workspace').delete('pmtiles');
            tx.oncomplete = () => {
              req.result.close();
              done();
            };
            tx.onerror = () => fail(tx.error);
          };
        }),
    );
    await page.reload();
    await page.waitForSelector('[data-testid="map"][data-map-ready="true"]', { timeout: 180_000 });
    await ready(page);
    const lost = page.getByTestId('basemap-pmtiles-lost');
    await lost.waitFor({ timeout: 60_000 });
    expect(await lost.innerText()).toContain('No PMTiles base-map file is kept in this browser');
    expect(await page.getByTestId('basemap-select').inputValue()).toBe('none');
    await page.waitForTimeout(1000);
    const gone = await earthPixels(page);
    expect(gone.earth / gone.total, 'no land colour with None').toBeLessThan(0.01);
    const mapBox = (await page.getByTestId('map').boundingBox())!;
    saveScreenshot('basemap-pmtiles-lost.png', await page.screenshot({ clip: { ...mapBox, height: 200 } }));

    expect(attempted, 'requests that tried to leave 127.0.0.1').toEqual([]);
  }, 600_000);
});
