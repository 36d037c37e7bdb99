/**
 * The app shell in real Chromium on the built app: the sample is drawn, the legend is complete, the
 * language follows the browser and the switch, nothing fails and nothing leaves the machine.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { FeatureCollection } from 'geojson';
import {
  countPixels, isLocalUrl, launchBrowser, mapScreenshot, openApp, REPO_ROOT, saveScreenshot, startServer,
  type AppPage, type Rgb, type Server,
} from './browser';
import en from '../../src/i18n/en';
import zhCN from '../../src/i18n/zh-CN';
import { CATEGORY_STYLES, categoryStyle } from '../../src/app/category-style';
import { BACKGROUND_COLOR } from '../../src/app/base-style';
import { COMMUNITY_COLORS } from '../../src/app/community-style';
import { ROAD_COLORS } from '../../src/app/road-style';
import { COMMUNITY_FILL_ALPHA } from '../../src/app/layers/communities-layer';

const readSample = (name: string) =>
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'data/sample', name), 'utf8')) as FeatureCollection;
const facilities = readSample('facilities.geojson');
const communities = readSample('communities.geojson');
const roads = readSample('roads.geojson');

const hexRgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as unknown as Rgb;
const BG = hexRgb(BACKGROUND_COLOR);
/** A colour drawn with `alpha` (0–255) over the background. */
const over = (c: readonly number[], alpha: number): Rgb =>
  [0, 1, 2].map((i) => Math.round((c[i] ?? 0) * (alpha / 255) + (BG[i] ?? 0) * (1 - alpha / 255))) as unknown as Rgb;

const ROAD_TARGETS = Object.values(ROAD_COLORS) as Rgb[];
const FACILITY_TARGETS = CATEGORY_STYLES.map((c) => c.rgb as Rgb);
const COMMUNITY_TARGETS = Object.values(COMMUNITY_COLORS).flatMap((c) => [over(c, COMMUNITY_FILL_ALPHA), c]);

/** Chinese, Japanese or Korean characters. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

let server: Server;
let browser: Browser;
const opened: AppPage[] = [];

async function open(locale: string): Promise<AppPage> {
  const app = await openApp(browser, server.url, locale);
  opened.push(app);
  return app;
}

/** Screenshots the map until its drawn pixels stop changing (deck.gl draws on a later frame). */
async function settledMap(app: AppPage) {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const png = await mapScreenshot(app.page);
    const counts = await countPixels(app.page, png, BG, [ROAD_TARGETS, FACILITY_TARGETS, COMMUNITY_TARGETS], 12);
    if (counts.nonBackground > 0 && counts.nonBackground === last) return { png, counts };
    if (process.env.E2E_DEBUG) console.log('settle', i, counts);
    last = counts.nonBackground;
    await app.page.waitForTimeout(250);
  }
  throw new Error('map never settled');
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterEach(async () => {
  for (const app of opened.splice(0)) {
    const external = app.requests.filter((u) => !isLocalUrl(u));
    expect(external, 'requests that left localhost').toEqual([]);
    expect(app.consoleErrors, 'console errors').toEqual([]);
    await app.context.close();
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('app shell on the built-in sample', () => {
  it('draws roads, communities and facilities on the map, and each layer switch removes its pixels', async () => {
    const app = await open('en-US');
    // the analysis layers (tested in map.e2e.ts) tint the map with colours near these targets: hide them here
    for (const layer of ['coverage', 'gapZones', 'serviceAreas']) await app.page.getByTestId(`toggle-${layer}`).uncheck();
    const { png, counts } = await settledMap(app);
    saveScreenshot('map-en.png', png);
    saveScreenshot('app-en.png', await app.page.screenshot());
    const [roadPx = 0, facilityPx = 0, communityPx = 0] = counts.matches;
    expect(counts.nonBackground / counts.total).toBeGreaterThan(0.01);
    expect(roadPx).toBeGreaterThan(500);
    expect(facilityPx).toBeGreaterThan(20 * Math.min(10, facilities.features.length));
    expect(communityPx).toBeGreaterThan(100);

    for (const [layer, index] of [['facilities', 1], ['communities', 2], ['roads', 0]] as const) {
      const before = counts.matches[index] ?? 0;
      await app.page.getByTestId(`toggle-${layer}`).uncheck();
      const after = (await settledMap(app)).counts.matches[index] ?? 0;
      expect(after, `${layer} pixels after hiding`).toBeLessThan(before * 0.1);
      await app.page.getByTestId(`toggle-${layer}`).check();
    }
    const again = (await settledMap(app)).counts;
    expect(again.nonBackground).toBe(counts.nonBackground); // all back on: the same picture
  }, 240_000);

  it('lists every category and both community kinds in the legend', async () => {
    const app = await open('en-US');
    const ids = new Set([
      'clinic', 'canteen', 'childcare', 'sports', 'culture', 'convenience',
      ...CATEGORY_STYLES.map((c) => c.id),
      ...facilities.features.map((f) => String(f.properties?.category)),
    ]);
    for (const id of ids) {
      await expect.poll(() => app.page.getByTestId(`legend-${id}`).innerText()).toBe(categoryStyle(id).label.en);
    }
    expect(await app.page.getByTestId('legend-kind-urban').innerText()).toBe(en.kind.urban);
    expect(await app.page.getByTestId('legend-kind-rural').innerText()).toBe(en.kind.rural);
  });

  it('shows dataset counts read from the sample files', async () => {
    const app = await open('en-US');
    const n = (x: number) => x.toLocaleString('en');
    expect(await app.page.getByTestId('count-facilities').innerText()).toBe(n(facilities.features.length));
    expect(await app.page.getByTestId('count-communities').innerText()).toContain(n(communities.features.length));
    expect(await app.page.getByTestId('count-roads').innerText()).toContain(n(roads.features.length));
    for (const id of new Set(facilities.features.map((f) => String(f.properties?.category)))) {
      const expected = facilities.features.filter((f) => String(f.properties?.category) === id).length;
      expect(await app.page.getByTestId(`count-category-${id}`).locator('.count').innerText()).toBe(n(expected));
    }
    await app.page.getByTestId('load-sample').click();
    await app.page.waitForSelector('main[data-status="ready"]', { timeout: 90000 });
    expect(await app.page.getByTestId('count-facilities').innerText()).toBe(n(facilities.features.length));
  });

  it('follows the browser language and the switch changes every visible label (zh ⇄ en)', async () => {
    const app = await open('zh-CN');
    const { page } = app;
    const uiText = async () => {
      // names from the data (e.g. community names in the gap table, marked data-user-text) are not UI labels
      const hide = await page.addStyleTag({ content: '[data-user-text] { visibility: hidden !important; }' });
      try {
        return (await page.getByTestId('side-panel').innerText()).replace(await page.getByTestId('lang-switch').innerText(), '') +
          '\n' + (await page.getByTestId('legend').innerText());
      } finally {
        await hide.evaluate((el) => el.parentNode?.removeChild(el));
      }
    };
    const check = async (lang: 'zh' | 'en') => {
      const strings = lang === 'zh' ? zhCN : en;
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang === 'zh' ? 'zh-CN' : 'en');
      expect(await page.locator('h1').innerText()).toBe(strings.app.title);
      for (const id of ['data', 'settings', 'results', 'gaps', 'siting', 'export'] as const) {
        expect(await page.locator(`#section-${id}-title`).innerText()).toBe(strings.panel[id]);
      }
      expect(await page.getByTestId('load-sample').innerText()).toBe(strings.data.loadSample);
      expect(await page.getByTestId('lang-switch').innerText()).toBe(strings.lang.switchTo);
      for (const c of CATEGORY_STYLES) expect(await page.getByTestId(`legend-${c.id}`).innerText()).toBe(c.label[lang]);
      expect(await page.getByTestId('attribution').innerText()).toContain(strings.attribution.sample);
      const text = await uiText();
      if (lang === 'en') expect(text.match(CJK), 'Chinese left in the English UI').toBeNull();
      else expect(text).toMatch(CJK);
    };
    await check('zh');
    saveScreenshot('app-zh.png', await page.screenshot());
    await page.getByTestId('lang-switch').click();
    await check('en');
    await page.getByTestId('lang-switch').click();
    await check('zh');
  });
});
