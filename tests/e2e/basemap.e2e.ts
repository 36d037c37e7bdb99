/**
 * Base maps in real Chromium on the built app and the sample, against tiles served by a tiny local
 * server (generated PNGs; nothing leaves 127.0.0.1): with "None" no tile is requested; a custom
 * template requests only its host and its pixels appear under the overlay, in greyscale on request,
 * with its credit in the printable summary and its picture, and it is remembered across a reload; with
 * the GCJ-02 switch a facility is drawn within 1 px of its GCJ-02 position at zoom 16 and a dragged
 * site lands on the WGS84 inverse of the mouse within 0.5 m; a dead tile host gives one notice,
 * stops requesting (until chosen again) and leaves the analysis.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { countPixels, mapScreenshot, saveScreenshot, useAppSession, type Rgb } from './browser';
import { BG } from './map-pixels';
import { fromWgs84, toWgs84 } from '../../src/io/crs';
import { haversineMeters } from '../../src/engine/geo/haversine';
import { categoryStyle } from '../../src/app/category-style';
import { colourCentroid, crop, png } from './tile-images';

/** Waits on a shared 2-core machine: generous but bounded. */
const SLOW = 180_000;

/** The tiles' fill colour (a light blue none of the overlays uses) and their edge colour. */
const TILE: Rgb = [190, 222, 255];
const EDGE: Rgb = [70, 100, 150];

const TILE_PNG = png(256, 256, (x, y) => (x < 2 || y < 2 ? EDGE : TILE));

/** The tile server: `/tiles/{z}/{x}/{y}.png` answers a tile, `/dead/…` answers 500; every path is recorded. */
const hits: string[] = [];
let tileServer: http.Server;
let tileBase = '';
beforeAll(async () => {
  tileServer = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (/^\/tiles\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) {
      res.writeHead(200, { 'Content-Type': 'image/png' });
      res.end(TILE_PNG);
    } else {
      res.writeHead(req.url?.startsWith('/dead/') ? 500 : 404);
      res.end();
    }
  });
  await new Promise<void>((done) => tileServer.listen(0, '127.0.0.1', done));
  tileBase = `http://127.0.0.1:${(tileServer.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => tileServer.close(() => done())));

const { open } = useAppSession({
  openOptions: {
    viewport: { width: 1100, height: 700 },
    readySelectors: [
      { selector: '[data-testid="map"][data-map-ready="true"]', timeoutMs: SLOW },
      { selector: 'main[data-status="ready"]', timeoutMs: SLOW },
    ],
  },
  afterOpen: (app) => app.page.setDefaultTimeout(SLOW),
  // the dead host's answers: Chromium logs every failed resource (the app itself logs nothing)
  ignoreConsoleError: (text) => /Failed to load resource: the server responded with a status of 500/.test(text),
});

/** The bottom-left 440×300 of a map screenshot: the edge of the data, with the base map around it. */
const corner = (page: Page, shot: Buffer) => crop(page, shot, 0, shot.readUInt32BE(20) - 300, 440, 300);

const tileHits = (prefix: string) => hits.filter((u) => u.startsWith(prefix)).length;
/** Share (0–1) of map pixels within 6 of the tile colour. */
async function tileShare(page: Page, shot?: Buffer): Promise<number> {
  const c = await countPixels(page, shot ?? (await mapScreenshot(page)), BG, [[TILE]], 6);
  return c.matches[0]! / c.total;
}
async function useTemplate(page: Page, url: string, attribution: string, gcj02 = false) {
  await page.getByTestId('basemap-select').selectOption('custom');
  await page.getByTestId('basemap-url-input').fill(url);
  await page.getByTestId('basemap-attribution-input').fill(attribution);
  if (gcj02) await page.getByTestId('basemap-gcj02').check();
  await page.getByTestId('basemap-url-apply').click();
}
const project = (page: Page, lon: number, lat: number) =>
  page.evaluate(([lon, lat]) => window.__lifecircleProject!(lon!, lat!), [lon, lat]);
const unproject = (page: Page, x: number, y: number) => page.evaluate(([x, y]) => window.__lifecircleUnproject!(x!, y!), [x, y]);
const jumpTo = (page: Page, lon: number, lat: number, zoom: number) =>
  page.evaluate(([lon, lat, zoom]) => window.__lifecircleJumpTo!(lon!, lat!, zoom!), [lon, lat, zoom]);

describe('base maps', () => {
  it('None requests no tile; a custom template requests only its host, draws under the overlay, greys, prints with its credit, and is remembered', async () => {
    const { page, requests } = await open('en-US');
    const appOrigin = new URL(page.url()).origin;
    await page.waitForTimeout(2000);
    expect(await page.getByTestId('basemap-select').inputValue()).toBe('none');
    expect(tileHits('/'), 'tile requests with None').toBe(0);
    expect(requests.filter((u) => !u.startsWith(appOrigin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    const none = await mapScreenshot(page);
    expect(await tileShare(page, none)).toBe(0);
    saveScreenshot('basemap-none.png', await corner(page, none));

    // a template without {y} is refused with the reason, and nothing is requested
    await useTemplate(page, `${tileBase}/tiles/{z}/{x}.png`, 'Test tiles');
    expect(await page.getByTestId('basemap-url-error').innerText()).toContain('lacks {y}');
    expect(tileHits('/')).toBe(0);

    await useTemplate(page, `${tileBase}/tiles/{z}/{x}/{y}.png`, 'Test tiles © nobody');
    await expect.poll(() => tileShare(page), { timeout: SLOW }).toBeGreaterThan(0.05);
    expect(tileHits('/tiles/')).toBeGreaterThan(0);
    const others = requests.filter((u) => !u.startsWith(appOrigin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(others.length).toBeGreaterThan(0);
    expect(
      others.filter((u) => !u.startsWith(`${tileBase}/tiles/`)),
      'requests to other hosts',
    ).toEqual([]);
    expect(await page.getByTestId('attribution').innerText()).toContain('Test tiles © nobody');
    // the overlay is still drawn over the tiles (facilities in their colours)
    const shot = await mapScreenshot(page);
    const clinic = categoryStyle('clinic').rgb as Rgb;
    expect((await countPixels(page, shot, BG, [[clinic]], 10)).matches[0]).toBeGreaterThan(20);
    saveScreenshot('basemap-custom.png', await corner(page, shot));

    await page.getByTestId('basemap-greyscale').check();
    await expect.poll(() => tileShare(page), { timeout: 20000 }).toBeLessThan(0.001);
    saveScreenshot('basemap-custom-greyscale.png', await corner(page, await mapScreenshot(page)));
    await page.getByTestId('basemap-greyscale').uncheck();
    await expect.poll(() => tileShare(page), { timeout: 20000 }).toBeGreaterThan(0.05);

    // the printable summary: the picture has the tiles, the credits name them
    await page.getByTestId('export-print').click();
    await expect.poll(() => page.getByTestId('print-credits').innerText(), { timeout: SLOW }).toContain('Test tiles © nobody');
    await expect
      .poll(() => page.getByTestId('print-map').evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: SLOW })
      .toBeGreaterThan(0);
    const src = (await page.getByTestId('print-map').getAttribute('src'))!;
    const printed = Buffer.from(src.slice(src.indexOf(',') + 1), 'base64');
    expect(await tileShare(page, printed)).toBeGreaterThan(0.02);
    await page.getByTestId('print-close').click();

    // remembered across a reload: requested again with no new choice
    const before = tileHits('/tiles/');
    await page.reload();
    await page.waitForSelector('main[data-status="ready"]', { timeout: SLOW });
    expect(await page.getByTestId('basemap-select').inputValue()).toBe('custom');
    await expect.poll(() => tileHits('/tiles/'), { timeout: SLOW }).toBeGreaterThan(before);
    expect(await page.getByTestId('attribution').innerText()).toContain('Test tiles © nobody');
  }, 900_000);

  it('GCJ-02 switch: a facility is drawn within 1 px of its GCJ-02 position at zoom 16; a dragged site lands on the WGS84 inverse within 0.5 m', async () => {
    const { page } = await open('en-US');
    await page.waitForSelector('[data-testid="siting-run"]', { timeout: SLOW });
    await useTemplate(page, `${tileBase}/tiles/{z}/{x}/{y}.png`, 'Test tiles', true);
    await page.getByTestId('basemap-gcj-note').waitFor();
    for (const layer of ['communities', 'coverage', 'gapZones', 'serviceAreas', 'roads'])
      await page.getByTestId(`toggle-${layer}`).uncheck();

    // F0001 of the sample, a clinic, at WGS84 121.502076, 29.864544
    const wgs: [number, number] = [121.502076, 29.864544];
    const gcj = fromWgs84(wgs[0], wgs[1], 'GCJ02');
    await jumpTo(page, gcj[0], gcj[1], 16);
    await expect.poll(() => tileShare(page), { timeout: SLOW }).toBeGreaterThan(0.3);
    await page.waitForTimeout(1000);
    const box = (await page.getByTestId('map').boundingBox())!;
    const want = await project(page, gcj[0], gcj[1]);
    const shot = await mapScreenshot(page);
    saveScreenshot(
      'basemap-gcj02.png',
      await crop(page, shot, Math.round(want.x - box.x) - 160, Math.round(want.y - box.y) - 120, 320, 240),
    );
    const clinic = categoryStyle('clinic').rgb as Rgb;
    // centroid of the clinic-coloured pixels within 14 px of where the GCJ-02 point projects
    const drawn = await colourCentroid(page, shot, want.x - box.x, want.y - box.y, clinic);
    expect(drawn.n).toBeGreaterThan(50); // the dot (radius 9 px) is there …
    expect(drawn.n).toBeLessThan(400); // … and alone (π·9² ≈ 254 px)
    const offPx = Math.hypot(drawn.x - (want.x - box.x), drawn.y - (want.y - box.y));
    const unshifted = await project(page, wgs[0], wgs[1]);
    console.log(
      `GCJ-02: facility (${drawn.n} px) drawn ${offPx.toFixed(3)} px from its GCJ-02 position; the WGS84 position is ${Math.hypot(unshifted.x - want.x, unshifted.y - want.y).toFixed(0)} px away`,
    );
    expect(offPx).toBeLessThan(1);

    // a proposed site, dragged at zoom 16: it goes to the WGS84 inverse of the point under the mouse
    await page.getByTestId('siting-category').selectOption('clinic');
    await page.getByTestId('siting-k').fill('1');
    await page.getByTestId('siting-run').click();
    const row = page.locator('[data-testid="site-list"] tbody tr').first();
    await row.waitFor({ timeout: SLOW });
    await expect.poll(() => page.getByTestId('siting-run').isEnabled(), { timeout: SLOW }).toBe(true);
    const site = { lon: Number(await row.getAttribute('data-lon')), lat: Number(await row.getAttribute('data-lat')) };
    const shown = fromWgs84(site.lon, site.lat, 'GCJ02');
    await jumpTo(page, shown[0], shown[1], 16);
    await page.waitForTimeout(1000);
    // whole CSS pixels, so that the mouse events carry exactly the positions the test unprojects
    const at = await project(page, shown[0], shown[1]);
    const start = { x: Math.round(at.x), y: Math.round(at.y) };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(start.x + 6 * i, start.y + 4 * i);
    await page.mouse.up();
    const under = await unproject(page, start.x + 60, start.y + 40);
    const expected = toWgs84(under[0], under[1], 'GCJ02');
    const moved = async () =>
      haversineMeters(Number(await row.getAttribute('data-lon')), Number(await row.getAttribute('data-lat')), expected[0], expected[1]);
    await expect.poll(moved, { timeout: 30000 }).toBeLessThan(0.5);
    console.log(
      `GCJ-02: dragged site ${(await moved()).toFixed(3)} m from the WGS84 inverse of the mouse point; moved ${haversineMeters(site.lon, site.lat, expected[0], expected[1]).toFixed(0)} m`,
    );
  }, 900_000);

  it('a dead tile host gives one notice, requests stop, the analysis stays', async () => {
    const { page } = await open('en-US');
    await useTemplate(page, `${tileBase}/dead/{z}/{x}/{y}.png`, 'Dead tiles');
    await page.getByTestId('basemap-notice').waitFor({ timeout: SLOW });
    await page.waitForTimeout(3000);
    expect(await page.getByTestId('basemap-notice').count()).toBe(1);
    expect(await page.getByTestId('basemap-notice').innerText()).toMatch(
      /127\.0\.0\.1:\d+.*HTTP 500.*base map is off.*analysis is not affected/,
    );
    const n = tileHits('/dead/');
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(60);
    // panning elsewhere requests nothing more
    await jumpTo(page, 121.55, 29.9, 13);
    await page.waitForTimeout(3000);
    expect(tileHits('/dead/')).toBe(n);
    expect(await page.getByTestId('basemap-notice').count()).toBe(1);
    expect(await page.locator('main').getAttribute('data-status')).toBe('ready');
    expect(await page.getByTestId('map').getAttribute('data-layers')).toContain('facilities');
    const mapBox = (await page.getByTestId('map').boundingBox())!;
    // choosing the source again ("Use") tries once more, with again one notice
    await page.getByTestId('basemap-url-apply').click();
    await expect.poll(() => tileHits('/dead/'), { timeout: SLOW }).toBeGreaterThan(n);
    await page.getByTestId('basemap-notice').waitFor({ timeout: SLOW });
    await page.waitForTimeout(2000);
    expect(await page.getByTestId('basemap-notice').count()).toBe(1);
    saveScreenshot('basemap-dead-host.png', await page.screenshot({ clip: { ...mapBox, height: 240 } }));
  }, 900_000);
});
