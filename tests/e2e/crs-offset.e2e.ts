/**
 * Amap (GCJ-02) facilities loaded as WGS84 in real Chromium: the load report warns, naming the file
 * and how much better the points fit the roads as GCJ-02; one click on "Use GCJ-02" converts the
 * layer and re-runs the analysis, and the clinic share returns to its value with the true points.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Point } from 'geojson';
import { saveScreenshot, useAppSession } from './browser';

/** Ready when the sample (loaded on a fresh profile) shows its first share; the map is not waited for. */
const { open } = useAppSession({
  openOptions: {
    readySelectors: [
      { selector: 'main[data-status="ready"]', timeoutMs: 180_000 },
      { selector: '[data-testid="category-share-clinic"]', timeoutMs: 180_000 },
    ],
  },
  afterOpen: (app) => {
    app.page.setDefaultTimeout(120_000);
  },
});

/** The sample's facilities moved into GCJ-02, as Amap would give them. */
function shiftedSampleFacilities(): Buffer {
  const fc = JSON.parse(readFileSync(path.resolve(__dirname, '../../data/sample/facilities.geojson'), 'utf8')) as FeatureCollection<Point>;
  for (const f of fc.features) {
    const [lon, lat] = gcoord.transform(f.geometry.coordinates as [number, number], gcoord.WGS84, gcoord.GCJ02) as [number, number];
    f.geometry.coordinates = [Number(lon.toFixed(7)), Number(lat.toFixed(7))];
  }
  return Buffer.from(JSON.stringify(fc));
}

describe('GCJ-02 facilities read as WGS84', () => {
  it('warns in the load report, naming the file, and "Use GCJ-02" restores the share', async () => {
    const { page } = await open('en-US');
    const share = () => page.getByTestId('category-share-clinic').innerText();
    const idle = async () => {
      await page.waitForSelector('main[data-status="ready"]', { timeout: 120_000 });
      await page.waitForSelector('[data-testid="job-bar"]', { state: 'detached', timeout: 120_000 });
    };
    await idle();
    const truth = await share();
    expect(truth).toMatch(/^\d{1,3}\.\d %$/);

    await page
      .getByTestId('file-input-facilities')
      .setInputFiles({ name: 'amap-facilities.geojson', mimeType: 'application/geo+json', buffer: shiftedSampleFacilities() });
    const warning = page.getByTestId('report-facilities-crs-warning');
    await warning.waitFor({ timeout: 120_000 });
    await idle();
    const text = await warning.innerText();
    expect(text).toContain('amap-facilities.geojson');
    expect(text).toMatch(/fit the roads ~\d+(\.\d)? m better when read as GCJ-02/);
    await expect.poll(share, { timeout: 120_000 }).not.toBe(truth);
    saveScreenshot('crs-offset-warning.png', await page.getByTestId('report-facilities').screenshot());

    await page.getByTestId('use-suggested-crs-facilities').click();
    await expect.poll(() => page.getByTestId('report-facilities-crs').innerText(), { timeout: 120_000 }).toMatch(/GCJ/);
    await idle();
    expect(await page.getByTestId('report-facilities-crs-warning').count()).toBe(0);
    await expect.poll(share, { timeout: 120_000 }).toBe(truth);
  }, 300_000);
});
