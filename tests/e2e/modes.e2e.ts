/**
 * Modes and paces in real Chromium on the built app with the built-in sample: rural culture by
 * e-bike changes the culture share, the circle's speed is shown beside its slider, and the
 * exported summary's provenance names the mode; canteens show the elderly pace, editable.
 * (Modes with a dropped DEM, on the real north-Bayreuth data: terrain.e2e.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot, useAppSession } from './browser';

const { open } = useAppSession({
  openOptions: {
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    readySelectors: [
      { selector: 'main[data-status="ready"]', timeoutMs: 90_000 },
      { selector: '[data-testid="category-share-culture"]', timeoutMs: 90_000 },
    ],
  },
});

const share = (page: Page, id: string) => page.getByTestId(`category-share-${id}`).innerText();
const percent = (text: string) => Number(text.replace(/[^\d.]/g, ''));

describe('modes and paces', () => {
  it('rural culture by e-bike: the share rises, the speed beside the slider says 20 km/h, the summary names the mode', async () => {
    const { page } = await open();
    const before = percent(await share(page, 'culture'));
    // the preset's elderly pace is shown beside the canteen and clinic sliders
    expect(await page.getByTestId('pace-canteen').inputValue()).toBe('3.6');
    expect(await page.getByTestId('speed-canteen-urban').innerText()).toBe('3.6 km/h');
    expect(await page.getByTestId('speed-culture-rural').innerText()).toBe('5 km/h');

    await page.getByTestId('mode-culture-rural').selectOption('ebike');
    await expect.poll(async () => percent(await share(page, 'culture')), { timeout: 90_000 }).toBeGreaterThan(before);
    expect(await page.getByTestId('speed-culture-rural').innerText()).toBe('20 km/h');
    expect(await page.getByTestId('mode-culture-urban').inputValue()).toBe('walk');
    await page.waitForSelector('main[data-status="ready"]', { timeout: 60_000 });
    const row = page.getByTestId('threshold-row-culture');
    await row.scrollIntoViewIfNeeded();
    saveScreenshot('modes-settings', await page.getByTestId('thresholds').screenshot());

    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByTestId('export-summary').click()]);
    const path = await dl.path();
    const { readFileSync } = await import('node:fs');
    const summary = JSON.parse(readFileSync(path, 'utf8')) as {
      provenance: {
        travel_by_category: Record<string, { urban: { mode: string; speed_kmh: number }; rural: { mode: string; speed_kmh: number } }>;
      };
    };
    expect(summary.provenance.travel_by_category.culture).toEqual({
      urban: { mode: 'walk', speed_kmh: 5 },
      rural: { mode: 'ebike', speed_kmh: 20 },
    });
    expect(summary.provenance.travel_by_category.canteen!.urban).toEqual({ mode: 'walk', speed_kmh: 3.6 });
  });

  it('editing the canteen pace recomputes: a faster pace covers more', async () => {
    const { page } = await open();
    const before = percent(await share(page, 'canteen'));
    await page.getByTestId('pace-canteen').fill('5');
    await page.getByTestId('pace-canteen').press('Enter');
    await expect.poll(async () => percent(await share(page, 'canteen')), { timeout: 90_000 }).toBeGreaterThan(before);
    expect(await page.getByTestId('speed-canteen-rural').innerText()).toBe('5 km/h');
  });
});
