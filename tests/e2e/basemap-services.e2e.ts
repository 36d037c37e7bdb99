/**
 * The tile services of the base-map picker, in real Chromium on the built app and the sample, with
 * no internet: every request to OpenStreetMap, Tianditu and Amap is intercepted in the browser
 * context and answered with a tile generated here (a colour per service; Tianditu's annotation layer
 * is transparent with dark "label" bars), and anything else that is not 127.0.0.1 is aborted and
 * fails the test. For each service: the requests go to its hosts with its URL pattern (Tianditu
 * `vec_w`/`img_w` + `cva_w`, the key, the Web-Mercator matrix `w`; Amap's style and language), and
 * one of them is the tile under the map's centre; the tiles' pixels appear under the overlay (the
 * facilities are still drawn); the credit line names the source; Amap switches the GCJ-02 display on
 * (a facility is drawn at its GCJ-02 position at zoom 16, not at its WGS84 one). A picture of each
 * is saved.
 */
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { countPixels, isLocalUrl, mapScreenshot, saveScreenshot, useAppSession, type AppPage, type Rgb } from './browser';
import { BG } from './map-pixels';
import { colourCentroid, crop, png, pngSize } from './tile-images';
import { fromWgs84 } from '../../src/io/crs';
import { categoryStyle } from '../../src/app/category-style';

const SLOW = 180_000;
const KEY = 'test-key-7d1e';

/** A tile of one colour with a darker 3-px grid at its edges, and a darker "road" across it. */
const tile = (fill: Rgb, line: Rgb) => png(256, 256, (x, y) => (x < 3 || y < 3 || Math.abs(x - y) < 4 ? line : fill));

/** Each service's tiles: the hosts they come from, their URL pattern, the picture answered. */
const SERVICES = {
  osm: { fill: [205, 235, 176] as Rgb, line: [120, 160, 90] as Rgb, host: /^tile\.openstreetmap\.org$/ },
  'tianditu-vec': { fill: [250, 226, 186] as Rgb, line: [200, 150, 90] as Rgb, host: /^t[0-7]\.tianditu\.gov\.cn$/ },
  'tianditu-img': { fill: [70, 100, 70] as Rgb, line: [40, 60, 40] as Rgb, host: /^t[0-7]\.tianditu\.gov\.cn$/ },
  'amap-vec': { fill: [232, 214, 246] as Rgb, line: [150, 110, 190] as Rgb, host: /^webrd0[1-4]\.is\.autonavi\.com$/ },
  'amap-sat': { fill: [50, 70, 110] as Rgb, line: [30, 40, 70] as Rgb, host: /^webst0[1-4]\.is\.autonavi\.com$/ },
} as const;
type Service = keyof typeof SERVICES;
/** Tianditu's annotation tiles: transparent, with dark bars where labels would be. */
const LABEL: Rgb = [120, 30, 30];
const CVA_PNG = png(256, 256, (x, y) => (y >= 120 && y < 134 && x >= 60 && x < 196 ? [...LABEL, 255] : [0, 0, 0, 0]));
const PNGS = Object.fromEntries(Object.entries(SERVICES).map(([k, s]) => [k, tile(s.fill, s.line)])) as Record<Service, Buffer>;

/** A parsed tile request: which picture it gets, and its tile coordinates. */
interface TileRequest {
  url: URL;
  z: number;
  x: number;
  y: number;
}

/** Which service a URL belongs to by its host and path (null: not a tile of ours), and its z/x/y. */
function parseTile(u: URL): { service: Service | 'cva'; z: number; x: number; y: number } | null {
  const q = u.searchParams;
  const n = (k: string) => Number(q.get(k));
  if (SERVICES.osm.host.test(u.hostname)) {
    const m = /^\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(u.pathname);
    return m ? { service: 'osm', z: +m[1]!, x: +m[2]!, y: +m[3]! } : null;
  }
  if (SERVICES['tianditu-vec'].host.test(u.hostname)) {
    const m = /^\/(vec|img|cva)_w\/wmts$/.exec(u.pathname);
    if (!m) return null;
    const service = m[1] === 'cva' ? 'cva' : m[1] === 'vec' ? 'tianditu-vec' : 'tianditu-img';
    return { service, z: n('TILEMATRIX'), x: n('TILECOL'), y: n('TILEROW') };
  }
  const amap = SERVICES['amap-vec'].host.test(u.hostname) ? 'amap-vec' : SERVICES['amap-sat'].host.test(u.hostname) ? 'amap-sat' : null;
  if (amap && u.pathname === '/appmaptile') return { service: amap, z: n('z'), x: n('x'), y: n('y') };
  return null;
}

/** Tile x/y of a point at zoom z (Web Mercator, XYZ). */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const k = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * k), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * k)];
}

const { open } = useAppSession({
  openOptions: {
    viewport: { width: 1100, height: 700 },
    readySelectors: [
      { selector: '[data-testid="map"][data-map-ready="true"]', timeoutMs: SLOW },
      { selector: 'main[data-status="ready"]', timeoutMs: SLOW },
    ],
  },
  afterOpen: (app) => app.page.setDefaultTimeout(SLOW),
});

/**
 * Intercepts every request that is not local: tiles of the services are answered (and recorded by
 * service), anything else is aborted and recorded as leaked.
 */
async function interceptTiles(app: AppPage) {
  const seen: Record<Service | 'cva', TileRequest[]> = {
    osm: [],
    'tianditu-vec': [],
    'tianditu-img': [],
    'amap-vec': [],
    'amap-sat': [],
    cva: [],
  };
  const leaked: string[] = [];
  await app.context.route('**/*', (route: Route) => {
    const raw = route.request().url();
    if (isLocalUrl(raw)) return route.continue();
    const url = new URL(raw);
    const t = parseTile(url);
    if (!t) {
      leaked.push(raw);
      return route.abort();
    }
    seen[t.service].push({ url, z: t.z, x: t.x, y: t.y });
    return route.fulfill({
      status: 200,
      headers: { 'Content-Type': 'image/png', 'Access-Control-Allow-Origin': '*' },
      body: t.service === 'cva' ? CVA_PNG : PNGS[t.service],
    });
  });
  /** The recorded page requests that were answered here (they never left the machine) are taken off the page's list. */
  const settle = () => {
    const answered = new Set(Object.values(seen).flatMap((list) => list.map((r) => r.url.href)));
    for (let i = app.requests.length - 1; i >= 0; i--)
      if (answered.has(new URL(app.requests[i]!, 'http://x').href)) app.requests.splice(i, 1);
  };
  return { seen, leaked, settle };
}

/** Share (0–1) of map pixels within 8 of `rgb`. */
async function share(page: Page, rgb: Rgb, shot?: Buffer): Promise<number> {
  const c = await countPixels(page, shot ?? (await mapScreenshot(page)), BG, [[rgb]], 8);
  return c.matches[0]! / c.total;
}

/** The map's centre in its own coordinates (`data-center`, degrees). */
async function mapCentre(page: Page): Promise<[number, number]> {
  const [lon, lat] = (await page.getByTestId('map').getAttribute('data-center'))!.split(',').map(Number);
  return [lon!, lat!];
}

/** The bottom-right 640×300 of the map with the credit line (legend hidden): the picture saved for each base map. */
async function creditCorner(page: Page): Promise<Buffer> {
  const box = (await page.getByTestId('map').boundingBox())!;
  const hide = await page.addStyleTag({ content: '[data-testid="legend"] { visibility: hidden !important; }' });
  try {
    return await page.screenshot({ clip: { x: box.x + box.width - 640, y: box.y + box.height - 300, width: 640, height: 300 } });
  } finally {
    await hide.evaluate((el) => el.parentNode?.removeChild(el));
  }
}

const project = (page: Page, lon: number, lat: number) =>
  page.evaluate(([lon, lat]) => window.__lifecircleProject!(lon!, lat!), [lon, lat]);
const jumpTo = (page: Page, lon: number, lat: number, zoom: number) =>
  page.evaluate(([lon, lat, zoom]) => window.__lifecircleJumpTo!(lon!, lat!, zoom!), [lon, lat, zoom]);

describe('base-map tile services (intercepted, no network)', () => {
  it('OSM, Tianditu vector and imagery, Amap vector and satellite: right requests, pixels under the overlay, credit, GCJ-02 for Amap', async () => {
    const app = await open('en-US');
    const { page } = app;
    const { seen, leaked, settle } = await interceptTiles(app);
    const clinic = categoryStyle('clinic').rgb as Rgb;

    const cases: { kind: Service; credit: string; file: string }[] = [
      { kind: 'osm', credit: '© OpenStreetMap contributors', file: 'basemap-osm.png' },
      { kind: 'tianditu-vec', credit: '天地图', file: 'basemap-tianditu-vec.png' },
      { kind: 'tianditu-img', credit: '天地图', file: 'basemap-tianditu-img.png' },
      { kind: 'amap-vec', credit: '高德', file: 'basemap-amap-vec.png' },
      { kind: 'amap-sat', credit: '高德', file: 'basemap-amap-sat.png' },
    ];
    for (const { kind, credit, file } of cases) {
      const before = Object.fromEntries(Object.entries(seen).map(([k, v]) => [k, v.length])) as Record<Service | 'cva', number>;
      await page.getByTestId('basemap-select').selectOption(kind);
      if (kind.startsWith('tianditu') && (await page.getByTestId('basemap-key-input').inputValue()) === '') {
        // no key: nothing is requested, the picker asks for one
        await page.waitForTimeout(1000);
        expect(seen[kind].length, `${kind} requests before a key`).toBe(0);
        await page.getByTestId('basemap-key-input').fill(KEY);
        await page.getByTestId('basemap-key-input').press('Enter');
      }
      const { fill } = SERVICES[kind];
      await expect.poll(() => share(page, fill), { timeout: SLOW }).toBeGreaterThan(0.05);
      await page.waitForTimeout(1500);
      const shot = await mapScreenshot(page);
      const got = seen[kind].slice(before[kind]);
      expect(got.length, `${kind} tile requests`).toBeGreaterThan(0);
      // the tile under the map's centre was among them (x/y/z in the service's own parameter order;
      // the map's coordinates are the tiles' own, GCJ-02 for Amap)
      const [lon, lat] = await mapCentre(page);
      expect(
        got.some((r) => {
          const [x, y] = tileOf(lon, lat, r.z);
          return r.x === x && r.y === y;
        }),
        `${kind}: the centre tile was requested`,
      ).toBe(true);
      const q = (r: TileRequest, k: string) => r.url.searchParams.get(k);
      if (kind === 'osm') for (const r of got) expect(r.url.href).toMatch(/^https:\/\/tile\.openstreetmap\.org\/\d+\/\d+\/\d+\.png$/);
      if (kind.startsWith('tianditu')) {
        const layer = kind === 'tianditu-vec' ? 'vec' : 'img';
        const cva = seen.cva.slice(before.cva);
        expect(cva.length, 'annotation (cva_w) tiles').toBeGreaterThan(0);
        for (const r of [...got, ...cva]) {
          expect(r.url.protocol).toBe('https:');
          expect(q(r, 'SERVICE')).toBe('WMTS');
          expect(q(r, 'REQUEST')).toBe('GetTile');
          expect(q(r, 'TILEMATRIXSET'), 'Web-Mercator matrix').toBe('w');
          expect(q(r, 'tk'), 'the key').toBe(KEY);
        }
        for (const r of got) expect([r.url.pathname, q(r, 'LAYER')]).toEqual([`/${layer}_w/wmts`, layer]);
        for (const r of cva) expect([r.url.pathname, q(r, 'LAYER')]).toEqual(['/cva_w/wmts', 'cva']);
        // the annotation is drawn above the base layer
        expect((await countPixels(page, shot, BG, [[LABEL]], 8)).matches[0], 'annotation pixels').toBeGreaterThan(200);
      }
      if (kind.startsWith('amap'))
        for (const r of got) {
          expect(r.url.protocol).toBe('https:');
          expect(q(r, 'style')).toBe(kind === 'amap-vec' ? '8' : '6');
          if (kind === 'amap-vec') expect(q(r, 'lang'), 'labels follow the UI language').toBe('en');
        }
      // pixels under the overlay: the facilities are still drawn over the tiles
      expect(await share(page, fill, shot), `${kind} tile pixels`).toBeGreaterThan(0.05);
      expect((await countPixels(page, shot, BG, [[clinic]], 10)).matches[0], `${kind}: clinics over the tiles`).toBeGreaterThan(20);
      expect(await page.getByTestId('attribution').innerText()).toContain(credit);
      expect(await page.getByTestId('basemap-gcj-note').count(), `${kind}: GCJ-02 display`).toBe(kind.startsWith('amap') ? 1 : 0);
      saveScreenshot(file, await creditCorner(page));
    }

    // Amap: the overlay is shifted to GCJ-02. F0001 of the sample, a clinic, at WGS84 121.502076, 29.864544
    await page.getByTestId('basemap-select').selectOption('amap-vec');
    for (const layer of ['communities', 'coverage', 'gapZones', 'serviceAreas', 'roads'])
      await page.getByTestId(`toggle-${layer}`).uncheck();
    const wgs: [number, number] = [121.502076, 29.864544];
    const gcj = fromWgs84(wgs[0], wgs[1], 'GCJ02');
    await jumpTo(page, gcj[0], gcj[1], 16);
    await expect.poll(() => share(page, SERVICES['amap-vec'].fill), { timeout: SLOW }).toBeGreaterThan(0.3);
    await page.waitForTimeout(1000);
    const box = (await page.getByTestId('map').boundingBox())!;
    const want = await project(page, gcj[0], gcj[1]);
    const plain = await project(page, wgs[0], wgs[1]);
    const shot = await mapScreenshot(page);
    const drawn = await colourCentroid(page, shot, want.x - box.x, want.y - box.y, clinic);
    expect(drawn.n).toBeGreaterThan(50);
    const off = Math.hypot(drawn.x - (want.x - box.x), drawn.y - (want.y - box.y));
    const apart = Math.hypot(plain.x - want.x, plain.y - want.y);
    console.log(`Amap: facility drawn ${off.toFixed(2)} px from its GCJ-02 position; its WGS84 position is ${apart.toFixed(0)} px away`);
    expect(off).toBeLessThan(1);
    expect(apart).toBeGreaterThan(20);
    const { w, h } = pngSize(shot);
    saveScreenshot(
      'basemap-amap-gcj02.png',
      await crop(page, shot, Math.round(want.x - box.x) - 160, Math.round(want.y - box.y) - 120, Math.min(320, w), Math.min(240, h)),
    );

    expect(leaked, 'requests to hosts other than the chosen services').toEqual([]);
    settle();
  }, 900_000);
});
