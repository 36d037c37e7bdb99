/**
 * How long the capacity-aware accessibility (2SFCA and E2SFCA of every category) takes in the
 * browser on the built-in sample (issue 16's goal: under 2 s). The worker computes it on demand,
 * once per analysis and thresholds, after a community's card has its nearest facilities. Measured
 * in the page (MutationObserver, page clock): click → card's nearest facilities shown → places per
 * 1,000 residents shown, on a first community (computes every category) and on a second one (the
 * memo). Prints every figure; the bound is loose (a shared 2-core machine), the goal is printed
 * with PASS/FAIL beside the figure.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import area from '@turf/area';
import pointOnFeature from '@turf/point-on-feature';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, useAppSession } from './browser';

const communities = JSON.parse(readFileSync(path.join(REPO_ROOT, 'data/sample/communities.geojson'), 'utf8')) as FeatureCollection;

const { open } = useAppSession({
  openOptions: {
    viewport: { width: 1400, height: 900 },
    readySelectors: [{ selector: '[data-testid="category-share-clinic"]', timeoutMs: 180_000 }],
  },
});

/** Screen position (page CSS pixels) of a lon/lat from the map's `data-bounds` (Web Mercator). */
async function screenOf(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  const map = page.getByTestId('map');
  const box = (await map.boundingBox())!;
  const [w, s, e, n] = ((await map.getAttribute('data-bounds')) ?? '').split(',').map(Number) as [number, number, number, number];
  const my = (la: number) => Math.log(Math.tan(Math.PI / 4 + (la * Math.PI) / 360));
  return { x: box.x + ((lon - w) / (e - w)) * box.width, y: box.y + ((my(n) - my(lat)) / (my(n) - my(s))) * box.height };
}

interface ClickTiming {
  /** Click → the card's nearest facility names, ms. */
  nearestMs: number;
  /** Click → every "places per 1,000" cell filled, ms. */
  accessMs: number;
  name: string;
}

/** Clicks at a lon/lat and times (page clock) the card's nearest facilities and its accessibility cells; null when a facility's card opened. */
async function timeClick(page: Page, lon: number, lat: number): Promise<ClickTiming | null> {
  await page.evaluate(() => {
    const w = window as unknown as { __access: Record<string, number | null> };
    w.__access = { clickAt: null, nearestAt: null, accessAt: null };
    document.addEventListener(
      'click',
      () => {
        w.__access.clickAt ??= performance.now();
      },
      { capture: true, once: true },
    );
    const obs = new MutationObserver(() => {
      const a = w.__access;
      if (a.clickAt === null) return;
      const card = document.querySelector('[data-testid="community-detail"]');
      if (!card) return;
      const nearest = card.querySelector('.detail-nearest');
      if (a.nearestAt === null && nearest && (nearest.textContent ?? '') !== '') a.nearestAt = performance.now();
      const cells = [...card.querySelectorAll('[data-testid^="community-detail-access-"]')];
      if (a.accessAt === null && cells.length > 0 && cells.every((c) => (c.textContent ?? '') !== '')) {
        a.accessAt = performance.now();
        obs.disconnect();
      }
    });
    obs.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const at = await screenOf(page, lon, lat);
  await page.mouse.click(at.x, at.y);
  // a facility drawn over the community opens its own card: the caller tries another community
  const card = page.locator('[data-testid="community-detail"], [data-testid="facility-detail"]').first();
  await card.waitFor({ timeout: 60_000 });
  if ((await card.getAttribute('data-testid')) !== 'community-detail') {
    await page.getByTestId('detail-close').click();
    return null;
  }
  await page.waitForFunction(() => (window as unknown as { __access: { accessAt: number | null } }).__access.accessAt !== null, null, {
    timeout: 120_000,
    polling: 100,
  });
  const a = await page.evaluate(() => (window as unknown as { __access: Record<string, number> }).__access);
  const name = await page.getByTestId('community-detail').getByTestId('detail-name').innerText();
  return { nearestMs: a.nearestAt! - a.clickAt!, accessMs: a.accessAt! - a.clickAt!, name };
}

const GOAL_MS = 2000;

describe('capacity-aware accessibility in the browser on the built-in sample', () => {
  it('fills places per 1,000 residents after a click, printing the time (goal under 2 s)', async () => {
    const { page } = await open();
    await page.waitForSelector('[data-testid="map"][data-map-ready="true"]', { timeout: 180_000 });
    await page.waitForSelector('main[data-status="ready"]', { timeout: 180_000 });
    const polys = (communities.features.filter((f) => f.geometry.type === 'Polygon') as Feature<Polygon>[]).sort(
      (a, b) => area(b) - area(a),
    );
    const points = polys.slice(0, 12).map((f) => pointOnFeature(f).geometry.coordinates as [number, number]);
    const timings: ClickTiming[] = [];
    for (const p of points) {
      if (timings.length === 2) break;
      const t = await timeClick(page, ...p);
      if (!t) continue;
      timings.push(t);
      if (timings.length === 1) await page.getByTestId('detail-close').click();
    }
    expect(timings.length, 'two of the largest communities open their card').toBe(2);
    const [first, second] = timings as [ClickTiming, ClickTiming];
    const computeMs = first.accessMs - first.nearestMs;
    const log = (what: string, t: ClickTiming) =>
      console.log(
        `[access-timing] ${what} (${t.name}): click → nearest facilities ${Math.round(t.nearestMs)} ms, click → places per 1,000 shown ${Math.round(t.accessMs)} ms`,
      );
    log('first community, computes 2SFCA + E2SFCA of every category', first);
    log('second community, from the memo', second);
    console.log(
      `[access-timing] accessibility of the sample (nearest shown → places per 1,000 shown, first click): ${Math.round(computeMs)} ms; goal < ${GOAL_MS} ms: ${computeMs < GOAL_MS ? 'PASS' : 'FAIL'}`,
    );
    // every cell holds a figure pair or "none in reach"
    const cells = page.getByTestId('community-detail').locator('[data-testid^="community-detail-access-"]');
    expect(await cells.count()).toBe(6);
    for (let i = 0; i < 6; i++) expect(await cells.nth(i).innerText()).toMatch(/^(\d[\d,]*\.\d \/ \d[\d,]*\.\d|none in reach)$/);
    // loose bound: a regression far past the goal on a noisy shared machine
    expect(first.accessMs).toBeLessThan(60_000);
    expect(second.accessMs).toBeLessThan(60_000);
  }, 360_000);
});
