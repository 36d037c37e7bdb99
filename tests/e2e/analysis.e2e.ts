/**
 * Settings, results and the gap table in real Chromium on the built app with the built-in sample:
 * a threshold slider changes the category share (and how fast, measured inside the page), the
 * keyboard moves it too, a speed change recomputes, the preset switch changes thresholds, a gap row
 * flies the map to the community. Prints: load → first numbers, slider → new share text (median).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FeatureCollection } from 'geojson';
import { PROBE } from './share-probe';
import { REPO_ROOT, saveScreenshot, useAppSession } from './browser';
import { geometryCentroid } from '../../src/app/results/community-centroids';
import { getPreset } from '../../src/engine/presets';

const communities = JSON.parse(readFileSync(path.join(REPO_ROOT, 'data/sample/communities.geojson'), 'utf8')) as FeatureCollection;

/** Pages with the probe, a taller viewport, and ready when the first category share is shown (not waiting for the map). */
const { open } = useAppSession({
  openOptions: {
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    initScript: PROBE,
    readySelectors: [
      { selector: 'main[data-status="ready"]', timeoutMs: 90_000 },
      { selector: '[data-testid="category-share-clinic"]', timeoutMs: 90_000 },
    ],
  },
});

const share = (page: Page, id: string) => page.getByTestId(`category-share-${id}`).innerText();
const percent = (text: string) => Number(text.replace(/[^\d.]/g, ''));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Move a threshold slider with fill() and return ms from its input event to the new share text. */
async function moveAndTime(page: Page, id: string, kind: 'urban' | 'rural', minutes: number): Promise<number> {
  const before = await share(page, id);
  await page.evaluate(
    ([watchId, b]) => {
      const p = (window as unknown as { __probe: Record<string, unknown> }).__probe;
      Object.assign(p, { watchId, before: b, inputAt: null, changedAt: null });
    },
    [id, before] as const,
  );
  await page.getByTestId(`threshold-${id}-${kind}`).fill(String(minutes));
  await page.waitForFunction(() => (window as unknown as { __probe: { changedAt: number | null } }).__probe.changedAt !== null, null, {
    timeout: 20_000,
  });
  return page.evaluate(() => {
    const p = (window as unknown as { __probe: { inputAt: number; changedAt: number } }).__probe;
    return p.changedAt - p.inputAt;
  });
}

/**
 * Wait until the last threshold is applied (the value label matches, its coverage is in), no job runs and the main
 * thread has had no long task for `quietMs` (the map redraws after each change; in SwiftShader a
 * frame of all layers takes seconds on this shared machine).
 */
async function settled(page: Page, id: string, kind: 'urban' | 'rural', minutes: number, quietMs = 2500) {
  await expect.poll(() => page.getByTestId(`threshold-${id}-${kind}-value`).innerText(), { timeout: 20_000 }).toBe(`${minutes} min`);
  await expect.poll(() => page.getByTestId(`threshold-${id}-${kind}`).getAttribute('data-pending'), { timeout: 60_000 }).toBe('false');
  await expect.poll(() => page.getByTestId('job-bar').count(), { timeout: 60_000 }).toBe(0);
  await page.waitForFunction(
    (quiet) => {
      const p = (window as unknown as { __probe: { lastLongTaskEnd: number } }).__probe;
      return performance.now() - p.lastLongTaskEnd > quiet;
    },
    quietMs,
    { timeout: 60_000, polling: 250 },
  );
}

const mapCenter = async (page: Page): Promise<[number, number] | null> => {
  const v = await page.getByTestId('map').getAttribute('data-center');
  if (!v) return null;
  const [lon, lat] = v.split(',').map(Number);
  return [lon!, lat!];
};

describe('settings, results and gaps on the built-in sample', () => {
  it('shows shares after load; a threshold slider (fill and keyboard) changes them fast', async () => {
    const { page } = await open();
    const firstMs = await page.evaluate(() => (window as unknown as { __probe: { firstShareMs: number } }).__probe.firstShareMs);
    console.log(`[analysis.e2e] page load → first coverage numbers: ${Math.round(firstMs)} ms`);
    expect(firstMs).toBeGreaterThan(0);

    const ningbo = getPreset('ningbo')!.settings;
    for (const c of ningbo.categories) {
      expect(await page.getByTestId(`threshold-${c.id}-urban`).inputValue()).toBe(String(c.thresholdMinutes.urban));
      expect(await page.getByTestId(`threshold-${c.id}-rural`).inputValue()).toBe(String(c.thresholdMinutes.rural));
      expect(await share(page, c.id)).toMatch(/^\d{1,3}\.\d %$/);
    }
    expect(await page.getByTestId('complete-share').innerText()).toMatch(/^\d{1,3}\.\d %$/);
    expect(await page.getByTestId('result-model').getAttribute('data-model')).toBe('network');

    const start = percent(await share(page, 'clinic'));
    const latencies: number[] = [];
    const moves = [5, 25, 8, 22, 10, 20, 6, 24, 12];
    for (const m of moves) {
      latencies.push(await moveAndTime(page, 'clinic', 'urban', m));
      await settled(page, 'clinic', 'urban', m);
    }
    const med = median(latencies);
    console.log(
      `[analysis.e2e] slider input → new share text: median ${med.toFixed(1)} ms over ${latencies.length} moves (${latencies.map((x) => Math.round(x)).join(', ')})`,
    );
    expect(med).toBeLessThan(500); // the goal is < 100 ms (printed above); the margin is for the shared 2-core machine

    // a lower threshold never covers more people
    await moveAndTime(page, 'clinic', 'urban', 3);
    await settled(page, 'clinic', 'urban', 3);
    const low = percent(await share(page, 'clinic'));
    expect(low).toBeLessThan(start);

    // keyboard: focus the slider and press → five times (one minute each: 3 → 8)
    await page.getByTestId('threshold-clinic-urban').focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await settled(page, 'clinic', 'urban', 8);
    expect(percent(await share(page, 'clinic'))).toBeGreaterThan(low);
    await page.setViewportSize({ width: 1280, height: 2600 }); // the whole panel, no scrolling
    saveScreenshot('analysis-results.png', await page.getByTestId('section-results').screenshot());
    saveScreenshot('analysis-settings.png', await page.getByTestId('section-settings').screenshot());
  }, 240_000);

  it('recomputes travel times when the walking speed changes, and switches preset', async () => {
    const { page } = await open();
    const before = percent(await share(page, 'culture'));
    await page.getByTestId('walk-speed-urban').fill('3');
    await page.getByTestId('walk-speed-urban').press('Enter');
    await expect.poll(async () => percent(await share(page, 'culture')), { timeout: 60_000 }).toBeLessThan(before);

    await page.getByTestId('preset-select').selectOption('gb50180');
    const gb = getPreset('gb50180')!.settings;
    for (const c of gb.categories) {
      await expect
        .poll(() => page.getByTestId(`threshold-${c.id}-urban`).inputValue(), { timeout: 60_000 })
        .toBe(String(c.thresholdMinutes.urban));
    }
    expect(await page.getByTestId('preset-sources').textContent()).toContain('GB 50180-2018');
    expect(await page.getByTestId('walk-speed-urban').inputValue()).toBe(String(gb.walkSpeedKmh.urban)); // the preset's speed again
    // canteen: 10 urban / 15 rural in ningbo, 5 / 5 in gb50180: fewer covered
    await expect.poll(() => page.getByTestId('settings-errors').count()).toBe(0);

    // refused value: the worker's reason is shown, the old value stays
    await page.getByTestId('detour-factor').fill('9');
    await page.getByTestId('detour-factor').press('Enter');
    await expect.poll(() => page.getByTestId('settings-errors').innerText(), { timeout: 30_000 }).toContain('detourFactor: 9 must be ≤ 5');
    expect(await page.getByTestId('detour-factor').inputValue()).toBe(String(gb.detourFactor));

    // save settings: the download is the settings-file shape
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('settings-save').click()]);
    const saved = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      preset: string;
      categories: { id: string; thresholdMinutes: unknown }[];
    };
    expect(saved.preset).toBe('gb50180');
    expect(saved.categories.map((c) => [c.id, c.thresholdMinutes])).toEqual(gb.categories.map((c) => [c.id, c.thresholdMinutes]));

    // open settings: a broken file lists its error
    await page
      .getByTestId('settings-open')
      .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"model": "bus"}') });
    await expect.poll(() => page.getByTestId('settings-errors').innerText(), { timeout: 30_000 }).toContain('bad.json: model:');
  }, 240_000);

  it('lists gaps (sorted, filtered, paged) and a row click flies the map to the community', async () => {
    const { page } = await open();
    const table = page.getByTestId('gap-table');
    await expect.poll(() => table.locator('[data-testid="gap-row"]').count()).toBe(50);
    const total = Number(await page.getByTestId('gap-count').getAttribute('data-total'));
    expect(total).toBeGreaterThan(50);

    // default: most uncovered residents first
    const uncovered = async () => (await table.locator('tbody tr td:nth-child(3)').allInnerTexts()).map((s) => Number(s.replace(/,/g, '')));
    const u = await uncovered();
    expect(u).toEqual([...u].sort((a, b) => b - a));
    await page.getByTestId('gap-sort-population').click();
    const pops = (await table.locator('tbody tr td:nth-child(2)').allInnerTexts()).map((s) => Number(s.replace(/,/g, '')));
    expect(pops).toEqual([...pops].sort((a, b) => b - a));

    await page.getByTestId('gap-filter-kind').selectOption('rural');
    const kinds = await table.locator('.kind-badge').allInnerTexts();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['rural']));
    await page.getByTestId('gap-filter-kind').selectOption('all');
    await page.getByTestId('gap-filter-category').selectOption('childcare');
    const chips = await table
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('.chip')].map((c) => c.getAttribute('data-category'))));
    expect(chips.every((c) => c.includes('childcare'))).toBe(true);
    expect(Number(await page.getByTestId('gap-count').getAttribute('data-count'))).toBeLessThanOrEqual(total);
    await page.getByTestId('gap-next').click();
    expect(await page.getByTestId('gap-pager').innerText()).toContain('51–');

    await page.getByTestId('map').waitFor();
    await expect.poll(() => mapCenter(page), { timeout: 30_000 }).not.toBeNull();
    const start = (await mapCenter(page))!;
    const row = table.locator('[data-testid="gap-row"]').nth(3);
    const index = Number(await row.getAttribute('data-community'));
    const target = geometryCentroid(communities.features[index]!.geometry)!;
    await row.click();
    await expect
      .poll(
        async () => {
          const c = await mapCenter(page);
          return c ? Math.hypot(c[0] - target[0], c[1] - target[1]) : Infinity;
        },
        { timeout: 30_000 },
      )
      .toBeLessThan(1e-4);
    expect(Math.hypot(start[0] - target[0], start[1] - target[1])).toBeGreaterThan(1e-3);
    expect(await row.getAttribute('class')).toContain('selected');
    saveScreenshot('analysis-app.png', await page.screenshot());
    await page.setViewportSize({ width: 1280, height: 2600 });
    saveScreenshot('analysis-gaps.png', await page.getByTestId('section-gaps').screenshot());
  }, 240_000);
});
