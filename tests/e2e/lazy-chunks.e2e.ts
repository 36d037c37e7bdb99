/**
 * Code loaded on first use, in real Chromium on the built app and the built-in sample: the first open
 * does not request the export code or the PMTiles base map's code; when a lazily loaded part cannot
 * load (its chunk refused, as offline before it was cached), the panel says so as text, the rest of
 * the app keeps working, and the next try loads it. Screenshots go to tests/e2e/__screenshots__.
 */
import { describe, expect, it } from 'vitest';
import { saveScreenshot, useAppSession } from './browser';

const SLOW = 180_000;
const READY = [
  { selector: '[data-testid="map"][data-map-ready="true"]', timeoutMs: SLOW },
  { selector: 'main[data-status="ready"]', timeoutMs: SLOW },
] as const;

const session = useAppSession({
  openOptions: { readySelectors: READY },
  afterOpen: (app) => {
    app.page.setDefaultTimeout(SLOW);
  },
  // a refused chunk is what these tests make happen: Chromium logs the failed request
  ignoreConsoleError: (text) => /Failed to load resource: net::ERR_FAILED/.test(text),
});

describe('code loaded on first use', () => {
  it('the first open leaves the export and PMTiles code alone; a failed export load says so, and the next click works', async () => {
    const { page, requests } = await session.open('en-US');
    await page.getByTestId('answer').waitFor();
    const lazy = (name: string) => requests.filter((u) => new RegExp(`/assets/${name}-[^/]*\\.js$`).test(u));
    expect(lazy('export-actions')).toEqual([]);
    expect(lazy('pmtiles-style')).toEqual([]);
    expect(lazy('pmtiles-archive')).toEqual([]);

    await page.route('**/assets/export-actions-*.js', (route) => route.abort());
    await page.getByTestId('export-csv').scrollIntoViewIfNeeded();
    await page.getByTestId('export-csv').click();
    const message = page.getByTestId('export-message');
    await expect.poll(() => message.innerText()).toMatch(/^This part of the app could not load \(.+\)\. Reload the page to try again\.$/);
    saveScreenshot('lazy-export-failed.png', await page.getByTestId('section-export').screenshot());
    // the rest of the app still answers
    expect(await page.getByTestId('answer').innerText()).toMatch(/%/);

    await page.unroute('**/assets/export-actions-*.js');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toBe('coverage.csv');
    expect(await message.count()).toBe(0);
  }, 400_000);

  it('charts whose code cannot load say so as text in Chinese, and the districts table is there', async () => {
    const context = await session.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    try {
      await context.route('**/assets/chart-specs-*.js', (route) => route.abort());
      const page = await context.newPage();
      page.setDefaultTimeout(SLOW);
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.goto(session.server.url);
      for (const { selector, timeoutMs } of READY) await page.waitForSelector(selector, { timeout: timeoutMs });
      const failed = page.getByTestId('chart-bands-failed');
      await failed.waitFor();
      expect(await failed.innerText()).toMatch(/^程序的这一部分无法加载（.+）。请刷新页面重试。$/);
      expect(await page.getByTestId('chart-bands').locator('svg').count()).toBe(0);
      expect(await page.getByTestId('district-row').count()).toBeGreaterThan(0);
      await failed.scrollIntoViewIfNeeded();
      saveScreenshot('lazy-chart-failed.png', await page.getByTestId('chart-bands').screenshot());
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 400_000);
});
