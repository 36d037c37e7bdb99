/**
 * Siting in real Chromium on the built app and the built-in sample: k = 5 clinics are proposed,
 * drawn and listed, the covered share rises; dragging a site with the mouse moves it (the map does
 * not pan) and the share changes at once; a click in add mode adds a site, × removes one; a saved
 * scenario appears as a column of the comparison table; the exact solver runs offline. Proposals are
 * visible: each site's service area is drawn in blue, a dragged site keeps its number (and follows the
 * pointer as a disc while the map holds the rest), and loading
 * another facilities file clears the proposal and scenarios with a notice that applies them again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { countPixels, mapScreenshot, saveScreenshot, useAppSession } from './browser';

const { open } = useAppSession({
  // a shared 2-core machine: the sample may take longer than the default minute to settle
  openOptions: {
    readySelectors: [
      { selector: '[data-testid="map"][data-map-ready="true"]', timeoutMs: 120_000 },
      { selector: 'main[data-status="ready"]', timeoutMs: 120_000 },
    ],
  },
  afterOpen: async (app) => {
    await app.page.waitForSelector('[data-testid="siting-run"]', { timeout: 60000 });
  },
});

/** The share shown (0–1) from its data attribute, and the text. */
async function shownShare(page: Page): Promise<{ value: number; text: string }> {
  const el = page.getByTestId('siting-share');
  return { value: Number(await el.getAttribute('data-value')), text: await el.innerText() };
}

/** Sites listed: index (edit order), rank, number (the label), lon, lat, gain. */
async function listedSites(page: Page) {
  return page.locator('[data-testid="site-list"] tbody tr').evaluateAll((rows) =>
    rows.map((r) => ({
      index: Number((r as HTMLElement).dataset.testid?.slice(5)),
      rank: Number((r as HTMLElement).dataset.rank),
      number: Number((r as HTMLElement).dataset.number),
      lon: Number((r as HTMLElement).dataset.lon),
      lat: Number((r as HTMLElement).dataset.lat),
      gain: Number((r as HTMLElement).dataset.gain),
    })),
  );
}

const project = (page: Page, lon: number, lat: number) =>
  page.evaluate(([lon, lat]) => window.__lifecircleProject!(lon!, lat!), [lon, lat]);
const mapCenter = (page: Page) => page.getByTestId('map').getAttribute('data-center');

async function runClinics(page: Page, k: number) {
  await page.getByTestId('siting-category').selectOption('clinic');
  await page.getByTestId('siting-k').fill(String(k));
  await page.getByTestId('siting-run').click();
  await page.waitForFunction((k) => document.querySelectorAll('[data-testid="site-list"] tbody tr').length === k, k, { timeout: 90000 });
  await expect.poll(() => page.getByTestId('siting-run').isEnabled()).toBe(true);
}

describe('siting on the sample', () => {
  it('proposes 5 clinics, the share rises; dragging a site changes the share without panning the map; add, remove, scenarios', async () => {
    const app = await open('en-US');
    const { page } = app;
    const t0 = Date.now();
    await runClinics(page, 5);
    const runMs = Date.now() - t0;
    const sites = await listedSites(page);
    expect(sites.map((s) => s.rank).sort()).toEqual([1, 2, 3, 4, 5]);
    const byRank = [...sites].sort((a, b) => a.rank - b.rank);
    for (let i = 1; i < 5; i++) expect(byRank[i]!.gain).toBeLessThanOrEqual(byRank[i - 1]!.gain);
    const share = await shownShare(page);
    expect(share.text).toMatch(/^\d{1,3}\.\d%$/);
    const before = Number((await page.locator('.siting-result p').first().innerText()).match(/now (\d+\.\d)%/)![1]) / 100;
    expect(share.value).toBeGreaterThan(before);
    // the text is the value to one decimal
    expect(share.text).toBe(`${(share.value * 100).toFixed(1)}%`);
    // the solver line in words; a greedy answer that meets the bound says it is optimal, not "within 0.0%"
    const result = await page.locator('.siting-result').innerText();
    expect(result).toMatch(/greedy, heuristic, [\d,]+ candidates/);
    expect(result).not.toMatch(/within 0\.0%/);
    // the added residents equal the sum of the sites' gains (rounding: ±1 per site)
    const added = Number((await page.locator('.siting-result p').first().innerText()).match(/\+([\d,]+) residents/)![1]!.replace(/,/g, ''));
    expect(Math.abs(added - sites.reduce((s, x) => s + x.gain, 0))).toBeLessThanOrEqual(5);
    // numbers are the ranks after a run; communities are named, not ids (the sample's ids are C…)
    expect(sites.map((s) => s.number)).toEqual(sites.map((s) => s.rank));
    const named = await page.getByTestId('site-communities').allInnerTexts();
    expect(named.join(' ')).not.toMatch(/\bC\d{3,}\b/);
    await page.waitForTimeout(500);
    saveScreenshot('siting-run.png', await page.screenshot());
    // the legend says what the proposal's colours are
    expect(await page.getByTestId('legend-proposal').innerText()).toMatch(/service area[\s\S]*Newly covered community/);

    // drag the rank-1 site 60 px right and 40 px down
    const site = byRank[0]!;
    const start = await project(page, site.lon, site.lat);
    const center0 = await mapCenter(page);
    // per pointer move, the time until the frame after it (two animation frames): the site following the hand
    await page.evaluate(() => {
      const w = window as unknown as { __moveFrameMs: number[] };
      w.__moveFrameMs = [];
      addEventListener('mousemove', () => {
        const t = performance.now();
        requestAnimationFrame(() => requestAnimationFrame(() => w.__moveFrameMs.push(performance.now() - t)));
      });
    });
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(start.x + 6 * i, start.y + 4 * i);
    // while the button is held the dragged site is a disc at the pointer (the map holds the rest)
    const disc = (await page.getByTestId('drag-disc').boundingBox())!;
    expect(Math.abs(disc.x + disc.width / 2 - (start.x + 60))).toBeLessThan(2);
    expect(Math.abs(disc.y + disc.height / 2 - (start.y + 40))).toBeLessThan(2);
    saveScreenshot('siting-dragging.png', await mapScreenshot(page));
    await page.mouse.up();
    await expect
      .poll(async () => (await listedSites(page)).find((s) => s.index === site.index)!.lon, { timeout: 10000 })
      .not.toBe(site.lon);
    await expect.poll(async () => (await shownShare(page)).value, { timeout: 10000 }).not.toBe(share.value);
    const moved = (await listedSites(page)).find((s) => s.index === site.index)!;
    // the dragged site keeps its number (#1 stays #1), and so do the others
    await expect.poll(async () => (await listedSites(page)).map((s) => [s.index, s.number])).toEqual(sites.map((s) => [s.index, s.number]));
    expect(moved.number).toBe(site.number);
    const end = await project(page, moved.lon, moved.lat);
    expect(Math.abs(end.x - (start.x + 60))).toBeLessThan(3); // the site went where the mouse went …
    expect(Math.abs(end.y - (start.y + 40))).toBeLessThan(3);
    expect(await mapCenter(page)).toBe(center0); // … and the map did not pan
    const editMs = Number((await page.getByTestId('siting-edit-ms').innerText()).replace(/,/g, '').match(/\d+/)![0]);
    // the first move's frame carries the press (the map redrawn once without the dragged site): moves 2–10
    const moveMs = (await page.evaluate(() => (window as unknown as { __moveFrameMs: number[] }).__moveFrameMs)).slice(1, 10);
    const moveMedian = [...moveMs].sort((a, b) => a - b)[Math.floor(moveMs.length / 2)]!;
    console.log(
      `siting: run k=5 ${runMs} ms (click to list); last drag update ${editMs} ms; pointer move to next frame, median ${moveMedian.toFixed(0)} ms`,
    );
    // SwiftShader, 2 shared cores: 12–24 ms (median 15) and moves ~20–45 ms since the map holds the proposal
    // during a drag; 137–304 ms when each move and each answer redrew the deck.gl canvas (~165 ms, read back
    // on the main thread). The bound of before the regression, with room for a loaded machine.
    expect(editMs).toBeLessThan(100);
    expect(moveMedian).toBeLessThan(100);
    saveScreenshot('siting-dragged.png', await mapScreenshot(page));

    // add one by clicking the map in add mode, then remove it with ×
    const afterDrag = (await shownShare(page)).value;
    await page.getByTestId('siting-add').click();
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.5);
    await expect.poll(async () => (await listedSites(page)).length, { timeout: 10000 }).toBe(6);
    expect((await shownShare(page)).value).toBeGreaterThanOrEqual(afterDrag);
    const added6 = (await listedSites(page)).find((s) => s.index === 5)!;
    expect(added6.number).toBe(6);
    await page.getByRole('button', { name: `Remove site ${added6.number}` }).click();
    await expect.poll(async () => (await listedSites(page)).length).toBe(5);
    await expect.poll(async () => (await shownShare(page)).value).toBeCloseTo(afterDrag, 12);

    // save as a scenario: the table has before / current / the scenario, the clinic row rising
    await page.getByTestId('scenario-name').fill('Plan A');
    await page.getByTestId('scenario-save').click();
    const table = page.getByTestId('scenario-table');
    await expect.poll(() => table.locator('thead th').allInnerTexts()).toEqual(['Category', 'Before', 'Current', 'Plan A×']);
    // the scenario's column is filled by the worker after the header appears: wait for its value
    const cells = table.locator('tr[data-category="clinic"] td');
    await expect
      .poll(
        async () => {
          const r = await cells.allInnerTexts();
          return r[2] !== undefined && r[2] === r[1];
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    const row = await cells.allInnerTexts();
    expect(row[0]).toBe(`${(before * 100).toFixed(1)}%`);
    expect(row[1]).toBe((await shownShare(page)).text);
    expect(row[2]).toBe(row[1]);
    // the table compares sites added and residents newly covered too, and fits the panel
    expect(await table.locator('[data-testid="scenario-sites-added"] td').allInnerTexts()).toEqual(['0', '5', '5']);
    const gained = await table.locator('[data-testid="scenario-residents-added"] td').allInnerTexts();
    expect(Number(gained[1]!.replace(/,/g, ''))).toBeGreaterThan(0);
    expect(gained[2]).toBe(gained[1]);
    const fits = await table.evaluate((el) => el.scrollWidth <= (el.parentElement as HTMLElement).clientWidth + 1);
    expect(fits).toBe(true);
    saveScreenshot('siting-panel.png', await page.getByTestId('section-siting').screenshot());

    // loading another facilities file clears the proposal and the scenario, and says so
    const kept = (await listedSites(page)).map((s) => [s.lon, s.lat]).sort();
    const sample = JSON.parse(readFileSync(path.resolve('data/sample/facilities.geojson'), 'utf8')) as { features: unknown[] };
    const fewer = { ...sample, features: sample.features.filter((_, i) => i % 2 === 0) };
    await page
      .getByTestId('file-input-facilities')
      .setInputFiles({ name: 'half-facilities.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(fewer)) });
    await page.getByTestId('stale-notice').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('stale-notice').innerText()).toMatch(/data changed.*\(5\).*\(1\)/s);
    expect(await page.locator('[data-testid="site-list"] tbody tr').count()).toBe(0);
    expect(await page.getByTestId('legend-proposal').count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid="scenario-column"]').count()).toBe(0);
    saveScreenshot('siting-stale.png', await page.getByTestId('section-siting').screenshot());
    // apply again: the same coordinates, scored on the new data
    await page.getByTestId('stale-apply').click();
    await expect.poll(async () => (await listedSites(page)).length, { timeout: 60_000 }).toBe(5);
    expect((await listedSites(page)).map((s) => [s.lon, s.lat]).sort()).toEqual(kept);
    await expect.poll(() => page.locator('[data-testid="scenario-column"]').count()).toBe(1);
    expect(await page.getByTestId('stale-notice').count()).toBe(0);

    // each site's service area is drawn: close to site 1, its blue outline and the newly covered
    // communities are there with the proposal and gone once it is cleared (same view)
    // the map's centre is reported at the end of a move, so wait for a new one that then holds
    const beforeFly = await mapCenter(page);
    await page.locator('[data-testid="site-list"] tbody tr').first().locator('button.link').click();
    let center = '';
    await expect
      .poll(
        async () => {
          const [a, b] = [await mapCenter(page), (await page.waitForTimeout(700), await mapCenter(page))];
          center = b ?? '';
          return a === b && b !== beforeFly;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await page.waitForTimeout(1000);
    const BLUE: [number, number, number][] = [[37, 99, 235]];
    const withAreas = await mapScreenshot(page);
    saveScreenshot('siting-service-area.png', withAreas);
    const blueWith = (await countPixels(page, withAreas, [0, 0, 0], [BLUE], 40)).matches[0]!;
    await page.getByRole('button', { name: 'Clear proposal' }).click();
    await expect.poll(async () => (await listedSites(page)).length).toBe(0);
    await page.waitForTimeout(1000);
    expect(await mapCenter(page)).toBe(center);
    const blueWithout = (await countPixels(page, await mapScreenshot(page), [0, 0, 0], [BLUE], 40)).matches[0]!;
    console.log(`siting: blue pixels near site 1 with the proposal ${blueWith}, without ${blueWithout}`);
    expect(blueWith).toBeGreaterThan(blueWithout + 1500);
  }, 480_000);

  it('sites only on the uploaded candidates (a CSV, one bad row named), never in an uploaded excluded area; × goes back to generated candidates', async () => {
    const app = await open('en-US');
    const { page } = app;
    // eight candidates at sample communities spread over the city (a vertex of each), as a planner's CSV
    const sample = JSON.parse(readFileSync(path.resolve('data/sample/communities.geojson'), 'utf8')) as {
      features: { geometry: { coordinates: number[][][] } }[];
    };
    const step = Math.floor(sample.features.length / 8);
    const candidates = Array.from({ length: 8 }, (_, i) => sample.features[i * step]!.geometry.coordinates[0]![0]!);
    const csv = ['id,name,lon,lat', ...candidates.map(([lon, lat], i) => `K${i},Site ${i},${lon},${lat}`), 'K8,Broken,abc,29.9'].join('\n');
    await page
      .getByTestId('siting-candidates-file')
      .setInputFiles({ name: 'my-candidates.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.getByTestId('section-siting').innerText()).toContain('my-candidates.csv');
    // an excluded area: a 200 m square around candidate K0
    const [x0, y0] = candidates[0]!;
    const d = 0.001;
    const square = [
      [x0! - d, y0! - d],
      [x0! + d, y0! - d],
      [x0! + d, y0! + d],
      [x0! - d, y0! + d],
      [x0! - d, y0! - d],
    ];
    const exclude = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square] } }],
    };
    await page
      .getByTestId('siting-exclude-file')
      .setInputFiles({ name: 'protected.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(exclude)) });
    await expect.poll(() => page.getByTestId('section-siting').innerText()).toContain('protected.geojson');
    // the spacing of generated candidates is not asked while candidates are uploaded
    expect(await page.locator('#siting-spacing').count()).toBe(0);

    // ask for as many sites as candidates: siting stops where a site would cover no one more
    await page.getByTestId('siting-category').selectOption('clinic');
    await page.getByTestId('siting-k').fill('8');
    await page.getByTestId('siting-run').click();
    // eight valid rows, one of them in the excluded area: seven candidates
    await expect.poll(() => page.locator('.siting-result').innerText(), { timeout: 90_000 }).toMatch(/\b7 candidates\b/);
    const sites = await listedSites(page);
    const isCandidate = (s: { lon: number; lat: number }, c: number[]) => Math.abs(s.lon - c[0]!) < 1e-6 && Math.abs(s.lat - c[1]!) < 1e-6;
    // every site is one of the seven candidates left, none K0 in the excluded area
    expect(sites.length).toBeGreaterThan(0);
    expect(sites.length).toBeLessThanOrEqual(7);
    for (const site of sites) expect(candidates.slice(1).some((c) => isCandidate(site, c))).toBe(true);
    expect(sites.some((site) => isCandidate(site, candidates[0]!))).toBe(false);
    // the bad row is named with its file and the reason, counted from 1 like the CSV's rows
    const problems = page.locator('details.problems');
    await problems.locator('summary').click();
    expect(await problems.getByTestId('siting-problems-file').allInnerTexts()).toEqual([
      expect.stringMatching(/^my-candidates\.csv\s+Feature 9 · K8 row 9 \(line 10\): "lon" value "abc" is not a number$/),
    ]);
    saveScreenshot('siting-uploads.png', await page.getByTestId('section-siting').screenshot());

    // × clears the upload: generated candidates again, the spacing back
    await page.locator('.upload', { hasText: 'my-candidates.csv' }).getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => page.locator('.upload', { hasText: 'my-candidates.csv' }).count()).toBe(0);
    expect(await page.locator('#siting-spacing').count()).toBe(1);
  }, 240_000);

  it('solves exactly with HiGHS in the browser (wasm bundled, no request leaves the machine), in Chinese', async () => {
    const app = await open('zh-CN');
    const { page } = app;
    await page.getByTestId('siting-exact').check();
    await runClinics(page, 3);
    await expect.poll(() => page.locator('.siting-result').innerText()).toMatch(/精确求解|贪心算法/);
    // the solver's status in Chinese too, not the engine's code (optimal, time-limit)
    const line = await page.locator('.siting-result').innerText();
    expect(line).toMatch(/精确求解，(最优|达到时间上限)/);
    expect(line).not.toMatch(/optimal|time-limit|heuristic/);
    expect(app.requests.some((u) => /highs.*\.wasm/.test(u))).toBe(true);
  }, 240_000);
});
