/**
 * The installable offline app: after one visit the service worker controls the page; with the
 * browser context offline, a reload opens the app, the built-in sample loads and the coverage
 * numbers show, the charts draw and a report downloads (their code loads on first use, from the
 * precache). The web manifest and its icons are served.
 */
import { describe, expect, it } from 'vitest';
import { useAppSession } from './browser';

const READY = [
  { selector: '[data-testid="map"][data-map-ready="true"]', timeoutMs: 180_000 },
  { selector: 'main[data-status="ready"]', timeoutMs: 180_000 },
] as const;

const { open } = useAppSession({ openOptions: { serviceWorkers: 'allow', readySelectors: READY } });

describe('offline app', () => {
  it('opens, loads the sample and shows coverage with the network off after one visit', async () => {
    const app = await open('en-US');
    const { page, context } = app;
    const manifest = (await (await page.request.get(new URL('manifest.webmanifest', page.url()).href)).json()) as {
      icons: { src: string }[];
      start_url: string;
    };
    expect(manifest.icons.map((i) => i.src)).toEqual(['icon-192.png', 'icon-512.png', 'icon-maskable-512.png']);
    for (const icon of manifest.icons)
      expect((await page.request.get(new URL(icon.src, page.url()).href)).headers()['content-type']).toBe('image/png');

    // the first visit installs the worker, which precaches the app and takes control of the page
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 180_000 });
    await page.getByTestId('offline-ready-notice').waitFor({ timeout: 180_000 });

    await context.setOffline(true);
    const offlineRequests: string[] = [];
    const failed: string[] = [];
    page.on('request', (r) => offlineRequests.push(r.url()));
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    await page.reload();
    for (const { selector, timeoutMs } of READY) await page.waitForSelector(selector, { timeout: timeoutMs });

    // load the sample again from the precache (the workspace restore above read IndexedDB)
    await page.getByTestId('load-sample').click();
    await page.waitForSelector('main[data-status="ready"]', { timeout: 120_000 });
    await expect.poll(() => page.getByTestId('answer-complete').innerText(), { timeout: 120_000 }).toMatch(/^\d+(\.\d+)?\s?%$/);
    expect(
      offlineRequests.some((u) => u.endsWith('.geojson')),
      'the sample files were requested',
    ).toBe(true);
    // code loaded on first use (charts, exports) comes from the precache too
    await expect.poll(() => page.getByTestId('chart-bands').locator('svg').count(), { timeout: 120_000 }).toBeGreaterThan(0);
    await page.getByTestId('export-csv').scrollIntoViewIfNeeded();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toBe('coverage.csv');
    expect(
      offlineRequests.some((u) => /\/assets\/export-actions-[^/]*\.js$/.test(u)),
      'the export code was requested',
    ).toBe(true);
    expect(failed, 'requests that failed offline').toEqual([]);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  }, 420_000);
});
