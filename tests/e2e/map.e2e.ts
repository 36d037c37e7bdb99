/**
 * The map's analysis layers in real Chromium on the built app: each new layer switch changes the
 * drawn pixels, so do the category select and the complete-circle colouring; a community whose
 * name is HTML shows it as text in the hover tooltip and runs nothing; clicking a community shows its
 * time to all six categories with ✓/✗, clicking a facility shows whom it serves.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import pointOnFeature from '@turf/point-on-feature';
import area from '@turf/area';
import { mapScreenshot, REPO_ROOT, saveScreenshot, useAppSession } from './browser';
import { haversineMeters } from '../../src/engine/geo/haversine';
import en from '../../src/i18n/en';

const readSample = (name: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, 'data/sample', name), 'utf8')) as FeatureCollection;
const facilities = readSample('facilities.geojson');
const communities = readSample('communities.geojson');
const EVIL = '<img src=x onerror=alert(1)>';

/** Messages of every dialog (alert, confirm, prompt) a page opened: there must be none. */
const dialogs: string[] = [];

const { open } = useAppSession({
  afterOpen: (app) => {
    app.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  },
  afterEachCheck: () => {
    expect(dialogs, 'dialogs opened by the page').toEqual([]);
  },
});

/** Pixels (of the same-sized PNGs) that differ by more than `tolerance` in some channel. */
async function diffPixels(page: Page, a: Buffer, b: Buffer, tolerance = 8): Promise<number> {
  return page.evaluate(
    async ({ a64, b64, tolerance }) => {
      const decode = async (s: string) => {
        const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(s), (c) => c.charCodeAt(0))], { type: 'image/png' }));
        const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      };
      const [x, y] = [await decode(a64), await decode(b64)];
      let n = 0;
      for (let i = 0; i < x.length; i += 4) {
        if (
          Math.abs(x[i]! - y[i]!) > tolerance ||
          Math.abs(x[i + 1]! - y[i + 1]!) > tolerance ||
          Math.abs(x[i + 2]! - y[i + 2]!) > tolerance
        )
          n++;
      }
      return n;
    },
    { a64: a.toString('base64'), b64: b.toString('base64'), tolerance },
  );
}

/** Pure-white pixels of a PNG screenshot (CSS pixels = image pixels) within a rectangle. */
async function whitePixels(page: Page, png: Buffer, r: { x: number; y: number; width: number; height: number }): Promise<number> {
  return page.evaluate(
    async ({ b64, r }) => {
      const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
      const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const px = ctx.getImageData(Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)).data;
      let n = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i] === 255 && px[i + 1] === 255 && px[i + 2] === 255) n++;
      return n;
    },
    { b64: png.toString('base64'), r },
  );
}

/** Map screenshots until two in a row are identical (deck.gl draws on later frames; the worker answers late). */
async function settled(page: Page): Promise<Buffer> {
  let last = await mapScreenshot(page);
  for (let i = 0; i < 60; i++) {
    await page.waitForTimeout(300);
    const png = await mapScreenshot(page);
    if (png.equals(last)) return png;
    last = png;
  }
  throw new Error('map never settled');
}

const layersDrawn = (page: Page) => page.getByTestId('map').getAttribute('data-layers');

/** Waits until the map draws (or no longer draws) a deck.gl layer id. */
async function waitLayer(page: Page, id: string, drawn = true) {
  await expect.poll(async () => ((await layersDrawn(page)) ?? '').split(',').includes(id), { timeout: 90_000, interval: 250 }).toBe(drawn);
}

/** Screen position (page CSS pixels) of a lon/lat from the map's `data-bounds` (Web Mercator). */
async function screenOf(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  const map = page.getByTestId('map');
  const box = (await map.boundingBox())!;
  const [w, s, e, n] = ((await map.getAttribute('data-bounds')) ?? '').split(',').map(Number) as [number, number, number, number];
  const my = (la: number) => Math.log(Math.tan(Math.PI / 4 + (la * Math.PI) / 360));
  return { x: box.x + ((lon - w) / (e - w)) * box.width, y: box.y + ((my(n) - my(lat)) / (my(n) - my(s))) * box.height };
}

describe('analysis layers on the built-in sample', () => {
  it('each new layer switch, the category select and the complete-circle colouring change the map', async () => {
    const app = await open();
    const { page } = app;
    for (const id of ['coverage', 'gap-zones', 'service-areas']) await waitLayer(page, id);
    await settled(page);
    // zoom in on the city centre (the urban communities' mean position), where communities are wide enough to see
    const urban = communities.features
      .filter((f) => f.properties?.kind === 'urban')
      .map((f) => pointOnFeature(f).geometry.coordinates as [number, number]);
    const mid = await screenOf(
      page,
      urban.reduce((a, p) => a + p[0], 0) / urban.length,
      urban.reduce((a, p) => a + p[1], 0) / urban.length,
    );
    await page.mouse.move(mid.x, mid.y);
    for (let i = 0; i < 3; i++) {
      await page.mouse.wheel(0, -300);
      await page.waitForTimeout(250);
    }
    await page.mouse.move(5, 5); // no hover tooltip in the pictures
    let before = await settled(page);
    saveScreenshot('map-layers-default.png', before);
    const changed: Record<string, number> = {};
    // heat is off by default: switch it on and off; the others are on: off and on
    for (const [toggle, id] of [
      ['heat', 'heat'],
      ['coverage', 'coverage'],
      ['gapZones', 'gap-zones'],
      ['serviceAreas', 'service-areas'],
    ] as const) {
      const box = page.getByTestId(`toggle-${toggle}`);
      const wasOn = await box.isChecked();
      await box.setChecked(!wasOn);
      await waitLayer(page, id, !wasOn);
      const after = await settled(page);
      saveScreenshot(`map-layers-${toggle}-${wasOn ? 'off' : 'on'}.png`, after);
      changed[toggle] = await diffPixels(page, before, after);
      await box.setChecked(wasOn);
      await waitLayer(page, id, wasOn);
      const back = await settled(page);
      expect(await diffPixels(page, before, back), `${toggle} back as it was`).toBeLessThan(50);
      before = back;
    }
    console.log('pixels changed by each switch', changed);
    for (const [toggle, n] of Object.entries(changed)) expect(n, `${toggle} pixels`).toBeGreaterThan(2000);

    // another category: isochrones, coverage colours and gap zones follow it
    await page.getByTestId('layer-category-select').selectOption('canteen');
    await expect.poll(() => page.getByTestId('legend-service-urban').innerText(), { timeout: 30_000 }).toContain('min');
    await page.waitForTimeout(500);
    await waitLayer(page, 'service-areas');
    const canteen = await settled(page);
    saveScreenshot('map-layers-canteen.png', canteen);
    expect(await diffPixels(page, before, canteen)).toBeGreaterThan(2000);

    await page.getByTestId('toggle-coverage-complete').check();
    const complete = await settled(page);
    saveScreenshot('map-layers-complete.png', complete);
    expect(await diffPixels(page, canteen, complete)).toBeGreaterThan(500);
    saveScreenshot('map-app-layers.png', await page.screenshot());

    // the legend folds to one line (the map behind it shows) and unfolds with its switches as they were
    const legend = page.getByTestId('legend');
    const unfolded = (await legend.boundingBox())!;
    const mapBox = (await page.getByTestId('map').boundingBox())!;
    const withLegend = await page.screenshot({ clip: mapBox }); // legend included (mapScreenshot hides it)
    await page.getByTestId('legend-fold').click();
    const folded = (await legend.boundingBox())!;
    expect(folded.height).toBeLessThan(40);
    expect(folded.height * folded.width).toBeLessThan((unfolded.height * unfolded.width) / 10);
    expect(await page.getByTestId('toggle-coverage').count()).toBe(0);
    const foldedShot = await page.screenshot({ clip: mapBox });
    saveScreenshot('map-legend-folded.png', foldedShot);
    expect(await diffPixels(page, withLegend, foldedShot), 'the map shows where the legend was').toBeGreaterThan(20_000);
    await page.getByTestId('legend-fold').click();
    expect(await page.getByTestId('toggle-coverage-complete').isChecked()).toBe(true);
    expect(await page.getByTestId('layer-category-select').inputValue()).toBe('canteen');
  }, 300_000);
});

describe('hover and click on the map', () => {
  // the largest community polygon gets an HTML name; hover and click at a point inside it, away from facilities
  const polys = communities.features.filter((f) => f.geometry.type === 'Polygon') as Feature<Polygon>[];
  const target = [...polys].sort((a, b) => area(b) - area(a))[0]!;
  const [tLon, tLat] = pointOnFeature(target).geometry.coordinates as [number, number];
  const renamed: FeatureCollection = {
    ...communities,
    features: communities.features.map((f) => (f === target ? { ...f, properties: { ...f.properties, name: EVIL } } : f)),
  };
  // a clinic with no other facility within 400 m, so the click hits it alone
  const clinic = facilities.features.find(
    (f) =>
      f.properties?.category === 'clinic' &&
      facilities.features.every((g) => {
        if (g === f) return true;
        const [a, b] = (f.geometry as { coordinates: number[] }).coordinates as [number, number];
        const [c, d] = (g.geometry as { coordinates: number[] }).coordinates as [number, number];
        return haversineMeters(a, b, c, d) > 400;
      }),
  )!;

  it('shows an HTML name as text in the tooltip, runs nothing, and opens community and facility details', async () => {
    expect(area(target)).toBeGreaterThan(100_000);
    expect(clinic).toBeTruthy();
    const app = await open();
    const { page } = app;
    await page
      .getByTestId('file-input-communities')
      .setInputFiles({ name: 'evil.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(renamed)) });
    await expect.poll(() => page.getByTestId('file-name-communities').innerText(), { timeout: 90_000 }).toContain('evil.geojson');
    await waitLayer(page, 'coverage');
    await page.getByTestId('toggle-gapZones').uncheck(); // hover the community itself, not the gap zone over it
    await waitLayer(page, 'gap-zones', false);
    await settled(page);

    // zoom in around the community (wheel at its position), then hover it
    let at = await screenOf(page, tLon, tLat);
    await page.mouse.move(at.x, at.y);
    for (let i = 0; i < 4; i++) {
      await page.mouse.wheel(0, -300);
      await page.waitForTimeout(250);
    }
    await settled(page);
    at = await screenOf(page, tLon, tLat);
    await page.mouse.move(at.x + 1, at.y);
    await page.mouse.move(at.x, at.y);
    const tooltip = page.getByTestId('map-tooltip');
    await expect.poll(() => tooltip.innerText(), { timeout: 20_000 }).toContain(EVIL);
    expect((await tooltip.innerText()).split('\n')[0]).toBe(EVIL);
    expect(await page.locator('[data-testid="map-tooltip"] img').count()).toBe(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    const withTip = await page.screenshot();
    saveScreenshot('map-tooltip.png', withTip);
    // no blank box on the map at the tooltip's vertical mirror position (a software-compositor artefact
    // of an opaque layer over WebGL canvases, map-tooltip.css; it shows in a full-page screenshot only)
    const tip = (await tooltip.boundingBox())!;
    const mapArea = (await page.getByTestId('map').boundingBox())!;
    const mirror = { x: tip.x, y: mapArea.y + mapArea.height - (tip.y - mapArea.y) - tip.height, width: tip.width, height: tip.height };
    expect(mirror.y + mirror.height).toBeLessThan(tip.y); // the mirror is clear of the tooltip itself
    const white = await whitePixels(page, withTip, mirror);
    console.log(`map tooltip: ${white} of ${Math.round(tip.width * tip.height)} pixels pure white at its mirror position`);
    expect(white).toBeLessThan(tip.width * tip.height * 0.2);

    await page.mouse.click(at.x, at.y);
    const card = page.getByTestId('community-detail');
    await card.waitFor({ timeout: 20_000 });
    expect(await card.getByTestId('detail-name').innerText()).toBe(EVIL);
    const rows = card.locator('[data-testid^="community-detail-row-"]');
    expect(await rows.count()).toBe(6);
    // all six columns inside the card, the card inside the window (it once ran past both)
    const fit = await card.evaluate((el) => {
      const c = el.getBoundingClientRect();
      const t = el.querySelector('table')!.getBoundingClientRect();
      return { card: c.right, table: t.right, window: window.innerWidth };
    });
    expect(fit.table).toBeLessThanOrEqual(fit.card);
    expect(fit.card).toBeLessThanOrEqual(fit.window);
    for (let i = 0; i < 6; i++) {
      const row = rows.nth(i);
      const within = await row.getAttribute('data-within');
      const text = await row.innerText();
      expect(text).toContain(within === 'true' ? '✓' : '✗');
      const [minutes, threshold] = [...text.matchAll(/([\d.,]+) min/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
      if (minutes !== undefined && threshold !== undefined) expect(within === 'true').toBe(minutes <= threshold + 0.05);
      else expect(text).toContain('unreachable');
    }
    // the nearest facility names arrive from the worker
    await expect.poll(() => card.locator('.detail-nearest').first().innerText(), { timeout: 20_000 }).not.toBe('');
    // places per 1,000 residents (2SFCA / E2SFCA) arrive after them: a figure pair, or "none in reach"
    const access = card.locator('[data-testid^="community-detail-access-"]');
    await expect.poll(() => access.last().innerText(), { timeout: 60_000 }).not.toBe('');
    expect(await access.count()).toBe(6);
    for (let i = 0; i < 6; i++) expect(await access.nth(i).innerText()).toMatch(/^(\d[\d,]*\.\d \/ \d[\d,]*\.\d|none in reach)$/);
    saveScreenshot('map-community-detail.png', await page.screenshot());
    expect(await page.getByTestId('map').getAttribute('data-layers')).toContain('selection');

    // a facility: whom it serves
    const [cLon, cLat] = (clinic.geometry as { coordinates: number[] }).coordinates as [number, number];
    await page.getByTestId('detail-close').click();
    const mapBox = (await page.getByTestId('map').boundingBox())!;
    // bring the clinic to the middle by zooming out and in around it
    at = await screenOf(page, cLon, cLat);
    if (at.x < mapBox.x + 320 || at.x > mapBox.x + mapBox.width - 400 || at.y < mapBox.y + 20 || at.y > mapBox.y + mapBox.height - 20) {
      await page.mouse.move(mapBox.x + mapBox.width / 2, mapBox.y + mapBox.height / 2);
      for (let i = 0; i < 4; i++) {
        await page.mouse.wheel(0, 300);
        await page.waitForTimeout(250);
      }
      await settled(page);
      at = await screenOf(page, cLon, cLat);
      await page.mouse.move(at.x, at.y);
      for (let i = 0; i < 3; i++) {
        await page.mouse.wheel(0, -300);
        await page.waitForTimeout(250);
      }
      await settled(page);
      at = await screenOf(page, cLon, cLat);
    }
    await page.mouse.click(at.x, at.y);
    const fcard = page.getByTestId('facility-detail');
    await fcard.waitFor({ timeout: 20_000 });
    expect(await fcard.getByTestId('detail-name').innerText()).toBe(String(clinic.properties?.name));
    await expect.poll(() => fcard.innerText(), { timeout: 20_000 }).not.toContain(en.layers.loading);
    const served = fcard.locator('[data-testid^="facility-detail-row-"]');
    const summary = await fcard.getByTestId('facility-served-summary').innerText();
    const count = await served.count();
    if (count > 0) expect(summary).toContain(`${count.toLocaleString('en')} communities`);
    else expect(summary).toBe(en.layers.servesNone);
    saveScreenshot('map-facility-detail.png', await page.screenshot());
    expect(dialogs).toEqual([]);
  }, 300_000);
});
