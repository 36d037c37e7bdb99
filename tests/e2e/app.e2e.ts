/**
 * The app shell in real Chromium on the built app: the sample is drawn, the legend is complete, the
 * language follows the browser and the switch, nothing fails and nothing leaves the machine.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { REPO_ROOT, saveScreenshot, useAppSession, type AppPage } from './browser';
import { COMMUNITY_TARGETS, FACILITY_TARGETS, ROAD_TARGETS, settledMapPixels } from './map-pixels';
import en from '../../src/i18n/en';
import zhCN from '../../src/i18n/zh-CN';
import { CATEGORY_STYLES, categoryStyle } from '../../src/app/category-style';

const readSample = (name: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, 'data/sample', name), 'utf8')) as FeatureCollection;
const facilities = readSample('facilities.geojson');
const communities = readSample('communities.geojson');
const roads = readSample('roads.geojson');

/** Chinese, Japanese or Korean characters. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

const { open } = useAppSession();

/** Screenshots the map until its drawn pixels stop changing (deck.gl draws on a later frame). */
const settledMap = (app: AppPage) => settledMapPixels(app.page, [ROAD_TARGETS, FACILITY_TARGETS, COMMUNITY_TARGETS], 12);

describe('app shell on the built-in sample', () => {
  it('draws roads, communities and facilities on the map, and each layer switch removes its pixels', async () => {
    const app = await open('en-US');
    // the analysis layers (tested in map.e2e.ts) tint the map with colours near these targets: hide them here
    for (const layer of ['coverage', 'gapZones', 'serviceAreas']) await app.page.getByTestId(`toggle-${layer}`).uncheck();
    // so do the district outlines and names (districts.e2e.ts): their anti-aliased dark slate edges blend into road greys
    await app.page.getByTestId('nav-districts').click();
    await app.page.getByTestId('show-outlines').uncheck();
    const { png, counts } = await settledMap(app);
    saveScreenshot('map-en.png', png);
    saveScreenshot('app-en.png', await app.page.screenshot());
    const [roadPx = 0, facilityPx = 0, communityPx = 0] = counts.matches;
    expect(counts.nonBackground / counts.total).toBeGreaterThan(0.01);
    expect(roadPx).toBeGreaterThan(500);
    expect(facilityPx).toBeGreaterThan(20 * Math.min(10, facilities.features.length));
    expect(communityPx).toBeGreaterThan(100);

    for (const [layer, index] of [
      ['facilities', 1],
      ['communities', 2],
      ['roads', 0],
    ] as const) {
      // MapLibre draws roads and community outlines with anti-aliased edges, which blend with the
      // background into colours near the other's: each is measured with the other hidden, before and after
      const quiet = layer === 'communities' ? ['roads'] : layer === 'roads' ? ['communities'] : [];
      for (const q of quiet) await app.page.getByTestId(`toggle-${q}`).uncheck();
      const before = quiet.length > 0 ? ((await settledMap(app)).counts.matches[index] ?? 0) : (counts.matches[index] ?? 0);
      if (quiet.length > 0) expect(before, `${layer} pixels with the ${quiet.join(', ')} hidden`).toBeGreaterThan(100);
      await app.page.getByTestId(`toggle-${layer}`).uncheck();
      const after = (await settledMap(app)).counts.matches[index] ?? 0;
      expect(after, `${layer} pixels after hiding`).toBeLessThan(before * 0.1);
      await app.page.getByTestId(`toggle-${layer}`).check();
      for (const q of quiet) await app.page.getByTestId(`toggle-${q}`).check();
    }
    const again = (await settledMap(app)).counts;
    expect(again.nonBackground).toBe(counts.nonBackground); // all back on: the same picture
  }, 240_000);

  it('lists every category and both community kinds in the legend', async () => {
    const app = await open('en-US');
    const ids = new Set([
      'clinic',
      'canteen',
      'childcare',
      'sports',
      'culture',
      'convenience',
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
        return (
          (await page.getByTestId('side-panel').innerText()).replace(await page.getByTestId('lang-switch').innerText(), '') +
          '\n' +
          (await page.getByTestId('legend').innerText())
        );
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
