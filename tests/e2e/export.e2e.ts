/**
 * Exports in real Chromium on the built app and the built-in sample: every report file downloads
 * and parses with the schema's properties (and the proposed sites), the gap layers come zipped as
 * one file per layer that ogrinfo reads with one geometry type each, the CSV is in the UI's
 * language (Chinese header in zh), the printable summary has its legend and category, GCJ-02 coordinates are the
 * WGS84 ones converted, the CSV has its BOM and Chinese names, the map PNG is a real picture, the
 * printable summary shows the map, chart, indicators (childcare places per 1,000 against an
 * independent count) and gap table and prints to PDF; a saved project opens in a fresh page to the
 * same state and saves again byte-identically.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FeatureCollection, Point } from 'geojson';
import { countPixels, REPO_ROOT, saveScreenshot, useAppSession } from './browser';
import { BG } from './map-pixels';
import { fromWgs84 } from '../../src/io/crs';

const sampleText = (name: string) => readFileSync(path.join(REPO_ROOT, 'data/sample', name));
const sampleJson = (name: string) => JSON.parse(sampleText(name).toString('utf8')) as FeatureCollection;
const CJK = /[\u3400-\u9fff]/;

/**
 * Waits on this 2-core machine shared with other browser runs (load ~20): a page of the sample takes
 * over a minute to report ready there, so every wait is generous but bounded.
 */
const SLOW = 180_000;

const { open } = useAppSession({
  openOptions: {
    readySelectors: [
      { selector: '[data-testid="map"][data-map-ready="true"]', timeoutMs: SLOW },
      { selector: 'main[data-status="ready"]', timeoutMs: SLOW },
    ],
  },
  afterOpen: async (app) => {
    app.page.setDefaultTimeout(SLOW);
    await app.page.waitForSelector('[data-testid="export-gaps"]', { timeout: SLOW });
  },
});

/** Click a button and return the downloaded file's name and bytes. */
async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }), page.getByTestId(testId).click()]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(file) };
}

/** The files of a zip, as text. */
function unzip(bytes: Buffer): Record<string, string> {
  const files = unzipSync(new Uint8Array(bytes));
  return Object.fromEntries(Object.entries(files).map(([n, b]) => [n, Buffer.from(b).toString('utf8')]));
}

const ogrDir = mkdtempSync(path.join(tmpdir(), 'lc-export-e2e-'));
/** `ogrinfo -so -al` of a GeoJSON text (stderr must be empty). */
function ogrinfo(name: string, text: string): string {
  const file = path.join(ogrDir, name);
  writeFileSync(file, text);
  const r = spawnSync('ogrinfo', ['-so', '-al', file], { encoding: 'utf8' });
  expect(r.stderr, name).toBe('');
  expect(r.status, name).toBe(0);
  return r.stdout;
}

/** The geometry type ogrinfo reads for each layer file (exactly one line per file). */
function ogrGeometry(layers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(layers).map(([name, text]) => {
      const found = [...ogrinfo(name, text).matchAll(/^Geometry: (.+)$/gm)].map((m) => m[1]!);
      expect(found, name).toHaveLength(1);
      return [name, found[0]!];
    }),
  );
}

/**
 * Share of background-coloured pixels in a strip along the right edge of a PNG (from 4 % to 2 % of
 * the width in from the edge, the middle half of the height): about 1 when the picture has a margin
 * around the data, low when the data runs off the edge.
 */
async function rightMarginBackground(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(
    async ({ b64, bg }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const x0 = Math.round(bitmap.width * 0.96);
      const x1 = Math.round(bitmap.width * 0.98);
      const y0 = Math.round(bitmap.height * 0.25);
      const y1 = Math.round(bitmap.height * 0.75);
      const px = ctx.getImageData(x0, y0, x1 - x0, y1 - y0).data;
      let near = 0;
      for (let i = 0; i < px.length; i += 4)
        if (Math.abs(px[i]! - bg[0]) <= 10 && Math.abs(px[i + 1]! - bg[1]) <= 10 && Math.abs(px[i + 2]! - bg[2]) <= 10) near++;
      return near / (px.length / 4);
    },
    { b64: png.toString('base64'), bg: [...BG] as [number, number, number] },
  );
}

async function proposeClinics(page: Page, k: number) {
  await page.getByTestId('siting-category').selectOption('clinic');
  await page.getByTestId('siting-k').fill(String(k));
  await page.getByTestId('siting-run').click();
  await page.waitForFunction((k) => document.querySelectorAll('[data-testid="site-list"] tbody tr').length === k, k, { timeout: SLOW });
}

describe('exports of the sample', () => {
  it('downloads gaps/communities GeoJSON, CSV and summary that parse with the schema, in WGS84 and GCJ-02; a map PNG; the print view', async () => {
    const app = await open('en-US');
    const { page } = app;
    await proposeClinics(page, 3);
    const communities = sampleJson('communities.geojson');

    const gaps = await download(page, 'export-gaps');
    expect(gaps.name).toBe('gap-layers.zip');
    const layers = unzip(gaps.bytes);
    // the sample's communities are all polygons: no -points layer; one geometry type per file (ogrinfo)
    expect(Object.keys(layers).sort()).toEqual(['gap-communities.geojson', 'gap-zones.geojson', 'sites.geojson']);
    expect(ogrGeometry(layers)).toEqual({
      'gap-communities.geojson': 'Polygon',
      'gap-zones.geojson': 'Polygon',
      'sites.geojson': 'Point',
    });
    type Layer = FeatureCollection & { lifecircle: { crs: { id: string }; inputs: { layer: string; sha256: string }[] } };
    const layer = (name: string) => JSON.parse(layers[name]!) as Layer;
    const g = layer('gap-communities.geojson');
    expect(g.features.length).toBeGreaterThan(0);
    expect(g.features.every((f) => f.properties?.type_of_feature === 'community')).toBe(true);
    expect(layer('gap-zones.geojson').features.every((f) => f.properties?.type_of_feature === 'gap_zone')).toBe(true);
    expect(layer('gap-zones.geojson').features.length).toBeGreaterThan(0);
    const first = g.features[0]!;
    expect(Object.keys(first.properties!).slice(0, 6)).toEqual(['id', 'name', 'kind', 'population', 'missing', 't_clinic_min']);
    expect(Object.keys(first.properties!)).toContain('cov_convenience');
    const sites = layer('sites.geojson').features;
    expect(sites.map((f) => f.properties!.rank)).toEqual([1, 2, 3]);
    expect(sites.every((f) => f.properties!.category === 'clinic' && f.properties!.gain_population > 0)).toBe(true);
    // provenance: the input files' SHA-256 are those of the sample files
    expect(g.lifecircle.crs.id).toBe('WGS84');
    for (const name of ['facilities', 'communities', 'roads']) {
      const input = g.lifecircle.inputs.find((i) => i.layer === name)!;
      expect(input.sha256).toBe(
        createHash('sha256')
          .update(sampleText(`${name}.geojson`))
          .digest('hex'),
      );
    }

    const all = await download(page, 'export-communities');
    const c = JSON.parse(all.bytes.toString('utf8')) as FeatureCollection;
    expect(c.features).toHaveLength(communities.features.length);
    expect(c.features.map((f) => f.properties!.id)).toEqual(communities.features.map((f) => f.properties!.id));
    expect(c.features.every((f) => f.properties!.type_of_feature === 'community')).toBe(true);

    const csv = await download(page, 'export-csv');
    expect(csv.name).toBe('coverage.csv');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes
      .toString('utf8')
      .slice(1)
      .split('\r\n')
      .filter((l) => l !== '');
    // the UI is in English: English headers and values, no Chinese list mark
    expect(lines[0]!.split(',').slice(0, 5)).toEqual(['Community ID', 'Community', 'Community type', 'Residents', 'Missing categories']);
    expect(lines.join('\n')).not.toContain('、');
    expect(lines).toHaveLength(communities.features.length + 1);
    expect(lines[1]!.split(',')[1]).toBe(communities.features[0]!.properties!.name);
    expect(CJK.test(lines[1]!)).toBe(true);

    const summary = await download(page, 'export-summary');
    const s = JSON.parse(summary.bytes.toString('utf8')) as {
      communities: number;
      categories: Record<string, { share: number }>;
      provenance: { inputs: unknown[] };
    };
    expect(s.communities).toBe(communities.features.length);
    expect(s.categories.clinic!.share).toBeGreaterThan(0);
    expect(s.provenance.inputs.length).toBe(3);

    // GCJ-02: the same features, coordinates converted from WGS84 (checked with the io converter in Node)
    await page.getByTestId('export-crs').selectOption('GCJ02');
    const gcjLayers = unzip((await download(page, 'export-gaps')).bytes);
    const gcj = JSON.parse(gcjLayers['sites.geojson']!) as FeatureCollection & { lifecircle: { crs: { id: string } } };
    expect(gcj.lifecircle.crs.id).toBe('GCJ02');
    const wSite = sites[0]!.geometry as Point;
    const gSite = gcj.features[0]!.geometry as Point;
    const want = fromWgs84(wSite.coordinates[0]!, wSite.coordinates[1]!, 'GCJ02');
    expect(Math.abs(gSite.coordinates[0]! - want[0])).toBeLessThan(2e-6);
    expect(Math.abs(gSite.coordinates[1]! - want[1])).toBeLessThan(2e-6);
    expect(Math.abs(gSite.coordinates[0]! - wSite.coordinates[0]!)).toBeGreaterThan(1e-4); // really shifted
    // a CGCS2000 Gauss–Krüger zone is offered: 3° zone 41 with the zone number (EPSG:4529), in metres
    await page.getByTestId('export-crs').selectOption('EPSG:4529');
    const gkLayers = unzip((await download(page, 'export-gaps')).bytes);
    const gk = ogrinfo('gk-gap-zones.geojson', gkLayers['gap-zones.geojson']!);
    expect(gk).toContain('ID["EPSG",4529]');
    expect(gk).toMatch(/^Geometry: Polygon$/m);
    // the same layers as a zipped Shapefile set in that zone: one shapefile per layer, one geometry type, the CRS, Chinese names
    const shp = await download(page, 'export-shapefile');
    expect(shp.name).toBe('shapefiles.zip');
    const shpDir = mkdtempSync(path.join(ogrDir, 'shp-'));
    for (const [n, b] of Object.entries(unzipSync(new Uint8Array(shp.bytes)))) writeFileSync(path.join(shpDir, n), b);
    const shpGeometry: Record<string, string> = {};
    for (const layer of ['gap-communities', 'gap-zones', 'sites', 'communities']) {
      const r = spawnSync('ogrinfo', ['-so', '-al', path.join(shpDir, `${layer}.shp`)], { encoding: 'utf8' });
      expect(r.stderr, layer).toBe('');
      expect(r.stdout, layer).toContain('CGCS2000 / 3-degree Gauss-Kruger zone 41');
      shpGeometry[layer] = [...r.stdout.matchAll(/^Geometry: (.+)$/gm)].map((m) => m[1]!).join('|');
    }
    expect(shpGeometry).toEqual({ 'gap-communities': 'Polygon', 'gap-zones': 'Polygon', sites: 'Point', communities: 'Polygon' });
    const shpNames = spawnSync('ogrinfo', ['-al', '-q', '-fid', '0', path.join(shpDir, 'communities.shp')], { encoding: 'utf8' }).stdout;
    expect(shpNames).toContain(`name (String) = ${communities.features[0]!.properties!.name}`);
    expect(CJK.test(String(communities.features[0]!.properties!.name))).toBe(true);
    await page.getByTestId('export-crs').selectOption('WGS84');

    // map PNG with legend and scale bar, framed on the study area whatever is on screen: zoom in so
    // the data runs off the screen's right edge, then the picture still has its margin there
    const map = page.getByTestId('map');
    const zoomOf = async () => Number(await map.getAttribute('data-zoom'));
    const zoom0 = await zoomOf();
    // zoom in with the map's + button (one level a click) until the data fills the right edge of the screen
    let zoomedIn = zoom0;
    for (let i = 0; i < 4; i++) {
      await page.getByRole('button', { name: 'Zoom in' }).click();
      await expect.poll(zoomOf, { timeout: SLOW }).toBeGreaterThan(zoomedIn + 0.9);
      await page.waitForTimeout(1500); // SwiftShader may take a few frames to redraw the layers at the new zoom
      zoomedIn = await zoomOf();
      if ((await rightMarginBackground(page, await map.screenshot())) < 0.8) break;
    }
    expect(await rightMarginBackground(page, await map.screenshot())).toBeLessThan(0.8);
    const png = await download(page, 'export-png');
    expect(await rightMarginBackground(page, png.bytes)).toBeGreaterThan(0.95);
    await expect.poll(zoomOf, { timeout: SLOW }).toBeCloseTo(zoomedIn, 2); // the user's view is back
    expect(png.name).toMatch(/\.png$/);
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.length).toBeGreaterThan(30_000);
    const width = png.bytes.readUInt32BE(16);
    const mapBox = (await page.getByTestId('map').boundingBox())!;
    expect(width).toBe(Math.round(mapBox.width));
    const px = await countPixels(page, png.bytes, BG, [[[255, 255, 255]]], 10);
    expect(px.nonBackground / px.total).toBeGreaterThan(0.1); // map drawn (roads, communities, legend box)
    saveScreenshot('export-map.png', png.bytes);

    // printable summary
    await page.getByTestId('export-print').click();
    const view = page.getByTestId('print-view');
    await view.waitFor();
    // its legend names every colour shown: the coverage ramp and gap zones of the category, the sites
    const legendText = await page.getByTestId('print-legend').innerText();
    expect(legendText).toMatch(/Clinics: 0 % of residents covered/);
    expect(legendText).toMatch(/Clinics: 100 % of residents covered/);
    expect(legendText).toMatch(/Clinics: gap zone/);
    expect(legendText).toMatch(/Proposed|sites/i);
    expect(await page.getByTestId('print-category').innerText()).toContain('Clinics');
    // the credits under the map: the synthetic sample and the map libraries
    expect(await page.getByTestId('print-credits').innerText()).toMatch(/sample.*MapLibre · deck\.gl/i);
    expect(await page.getByTestId('print-view').innerText()).not.toContain('、');
    // the Print/Close bar does not cover the page: the first table starts below it
    const bar = (await page.locator('.print-toolbar').boundingBox())!;
    const article = (await page.locator('.print-page').boundingBox())!;
    expect(article.y).toBeGreaterThanOrEqual(bar.y + bar.height);
    await expect
      .poll(() => page.getByTestId('print-map').evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: SLOW })
      .toBeGreaterThan(100);
    // the map picture is not blank: deck.gl and maplibre pixels made it into the image
    const src = await page.getByTestId('print-map').getAttribute('src');
    const mapPx = await countPixels(page, Buffer.from(src!.split(',')[1]!, 'base64'), BG, [], 10);
    expect(mapPx.nonBackground / mapPx.total).toBeGreaterThan(0.1);
    expect(await page.getByTestId('print-chart').locator('g').count()).toBe(6);
    expect(await page.getByTestId('print-gaps').locator('tbody tr').count()).toBe(50);
    // childcare places per 1,000: sum of childcare capacity / residents × 1000, from the sample files
    const fac = sampleJson('facilities.geojson');
    const places = fac.features
      .filter((f) => f.properties!.category === 'childcare')
      .reduce((a, f) => a + Number(f.properties!.capacity ?? 0), 0);
    const residents = communities.features.reduce((a, f) => a + Number(f.properties!.population), 0);
    // the plan targets for all residents: value, then ✓ met / ✗ not met; the target in the header
    const dashboard = page.getByTestId('print-districts').locator('.print-dashboard');
    const target = async (id: string) => {
      const text = await dashboard.locator(`tr[data-row="everyone"] td[data-target="${id}"]`).innerText();
      const [, value, mark] = /^([\d,.]+)\s*([✓✗])$/.exec(text.trim()) ?? [];
      return { value: Number(value?.replace(/,/g, '')), mark };
    };
    const childcare = await target('childcarePlaces');
    expect(childcare.value).toBeCloseTo((places / residents) * 1000, 2);
    expect(childcare.mark).toBe((places / residents) * 1000 >= 4.55 ? '✓' : '✗');
    expect(await dashboard.locator('th[data-target="childcarePlaces"]').innerText()).toContain('(≥ 4.55)');
    const canteenCount = fac.features.filter((f) => f.properties!.category === 'canteen').length;
    expect(await target('canteens')).toEqual({ value: canteenCount, mark: canteenCount >= 200 ? '✓' : '✗' });
    // sports ground: the sports facilities' capacity read as m², per resident (2 decimals)
    const sportsM2 = fac.features
      .filter((f) => f.properties!.category === 'sports')
      .reduce((a, f) => a + Number(f.properties!.capacity ?? 0), 0);
    const sports = await target('sportsArea');
    expect(sports.value).toBeCloseTo(sportsM2 / residents, 2);
    expect(sports.mark).toBe(sportsM2 / residents >= 3 ? '✓' : '✗');
    saveScreenshot('export-print-view.png', await page.screenshot({ fullPage: true }));
    await page.emulateMedia({ media: 'print' });
    saveScreenshot('export-print-media.png', await page.screenshot({ fullPage: true }));
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(50_000);
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('print-close').click();
    await expect.poll(() => view.count(), { timeout: SLOW }).toBe(0);
  }, 900_000);

  it('saves a project, opens it in a fresh page to the same state, and saves it again byte-identically', async () => {
    const a = await open('en-US');
    await proposeClinics(a.page, 4);
    await a.page.getByTestId('scenario-name').fill('Four clinics');
    await a.page.getByTestId('scenario-save').click();
    // drag-free edit: remove the last-ranked site, so the current proposal differs from the scenario
    await a.page.getByRole('button', { name: 'Remove site 4' }).click();
    await a.page.waitForFunction(() => document.querySelectorAll('[data-testid="site-list"] tbody tr').length === 3);
    await a.page.waitForFunction(() => document.querySelectorAll('[data-testid="scenario-table"] thead th').length === 4);
    const saved = await download(a.page, 'project-save');
    expect(saved.name).toMatch(/\.lifecircle\.json$/);
    const stateOf = async (page: Page) => ({
      share: await page.getByTestId('siting-share').innerText(),
      sites: await page
        .locator('[data-testid="site-list"] tbody tr')
        .evaluateAll((rows) =>
          rows.map((r) => [
            (r as HTMLElement).dataset.rank,
            (r as HTMLElement).dataset.lon,
            (r as HTMLElement).dataset.lat,
            (r as HTMLElement).dataset.gain,
          ]),
        ),
      table: await page.getByTestId('scenario-table').innerText(),
      summary: JSON.parse((await download(page, 'export-summary')).bytes.toString('utf8')) as {
        categories: unknown;
        communities: number;
        population: number;
      },
    });
    const before = await stateOf(a.page);

    const b = await open('zh-CN'); // a fresh page (own storage) in another language: the project brings its own
    // the Chinese UI writes a Chinese CSV header and values
    const zhCsv = (await download(b.page, 'export-csv')).bytes.toString('utf8').slice(1).split('\r\n');
    expect(zhCsv[0]!.split(',').slice(0, 6)).toEqual([
      '社区编号',
      '社区',
      '社区类型',
      '常住人口',
      '缺少的类别',
      '医疗卫生步行时间（分钟）',
    ]);
    expect(zhCsv[1]).toMatch(/,(城市社区|农村社区),/);
    await b.page.getByTestId('project-open').setInputFiles({ name: saved.name, mimeType: 'application/json', buffer: saved.bytes });
    await b.page.waitForFunction(() => document.querySelectorAll('[data-testid="site-list"] tbody tr').length === 3, undefined, {
      timeout: SLOW,
    });
    await b.page.waitForFunction(() => document.querySelectorAll('[data-testid="scenario-table"] thead th').length === 4, undefined, {
      timeout: SLOW,
    });
    await b.page.waitForSelector('main[data-status="ready"]');
    expect(await b.page.getByTestId('export-message').innerText()).toMatch(/^Opened /);
    const after = await stateOf(b.page);
    expect(after.share).toBe(before.share);
    expect(after.sites).toEqual(before.sites);
    expect(after.table).toBe(before.table);
    expect({ ...after.summary, provenance: null, settings: null }).toEqual({ ...before.summary, provenance: null, settings: null });
    saveScreenshot('export-project-reopened.png', await b.page.screenshot());
    const again = await download(b.page, 'project-save');
    expect(again.bytes.equals(saved.bytes)).toBe(true);
  }, 900_000);
});
