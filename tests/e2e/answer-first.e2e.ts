/**
 * The answer first, in real Chromium at 1400 × 900 on the built-in sample: the category shares, the
 * complete-circle share and the gap count are on the first screen without scrolling and agree with
 * the detailed results below; replacing only the facilities keeps the synthetic-sample notice, which
 * then names the communities and roads as the sample, and the data panel badges exactly those layers.
 * One page load; screenshots of the first screen in English and Chinese go to tests/e2e/__screenshots__.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import type { Locator, Page } from 'playwright-core';
import { REPO_ROOT, saveScreenshot, useAppSession } from './browser';

const VIEWPORT = { width: 1400, height: 900 };
const { open } = useAppSession({
  // the machine running the suite is shared and slow: generous waits for the first load
  openOptions: {
    viewport: VIEWPORT,
    readySelectors: [
      { selector: '[data-testid="map"][data-map-ready="true"]', timeoutMs: 150_000 },
      { selector: '[data-testid="answer"][data-state="ready"]', timeoutMs: 150_000 },
    ],
  },
  afterOpen: (app) => {
    app.page.setDefaultTimeout(120_000);
  },
});

/** Whether the element's box lies wholly inside the viewport (no scrolling needed to see it). */
async function expectOnFirstScreen(el: Locator, what: string) {
  await el.waitFor({ state: 'visible' });
  const box = await el.boundingBox();
  expect(box, `${what} has a box`).not.toBeNull();
  const b = box!;
  expect(b.width * b.height, `${what} has an area`).toBeGreaterThan(0);
  expect(b.x, `${what} left`).toBeGreaterThanOrEqual(0);
  expect(b.y, `${what} top`).toBeGreaterThanOrEqual(0);
  expect(b.x + b.width, `${what} right`).toBeLessThanOrEqual(VIEWPORT.width);
  expect(b.y + b.height, `${what} bottom`).toBeLessThanOrEqual(VIEWPORT.height);
}

/** The panel's scroll position (0: nothing scrolled). */
const panelScroll = (page: Page) => page.getByTestId('side-panel').evaluate((el) => el.scrollTop);
const digits = (s: string) => Number(s.replace(/[^\d]/g, ''));

describe('answer first', () => {
  it('shows shares, complete share and gap count on the first screen, and keeps the sample notice after replacing the facilities', async () => {
    const app = await open('en-US');
    const { page } = app;
    await page.waitForSelector('[data-testid="answer"][data-state="ready"]');
    expect(await panelScroll(page)).toBe(0);

    // every category's share, the complete circle and the gap count, each inside the viewport
    const ids = await page
      .getByTestId('share-bars')
      .locator('[data-testid^="category-share-"]:not([data-testid$="-urban"]):not([data-testid$="-rural"])')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.replace('category-share-', '')));
    expect(ids.length).toBeGreaterThanOrEqual(6);
    for (const id of ids) {
      const card = page.getByTestId(`answer-share-${id}`);
      await expectOnFirstScreen(card, `share of ${id}`);
      // the same figure as the detailed results further down
      expect(await card.innerText()).toBe(await page.getByTestId(`category-share-${id}`).innerText());
      expect(await card.innerText()).toMatch(/^\d{1,3}\.\d %$/);
    }
    // the sample has facilities of every category: no card says a category has none
    expect(await page.locator('[data-testid^="answer-no-facilities-"], [data-testid="answer-complete-missing"]').count()).toBe(0);
    const complete = page.getByTestId('answer-complete');
    await expectOnFirstScreen(complete, 'complete-circle share');
    expect(await complete.innerText()).toBe(await page.getByTestId('complete-share').innerText());
    const gaps = page.getByTestId('answer-gaps');
    await expectOnFirstScreen(gaps, 'gap count');
    const gapTotal = Number(await page.getByTestId('gap-count').getAttribute('data-total'));
    expect(gapTotal).toBeGreaterThan(0);
    expect(digits(await gaps.innerText())).toBe(gapTotal);
    // the whole sample is the sample: one notice, every layer badged
    await expectOnFirstScreen(page.getByTestId('sample-notice'), 'sample notice');
    expect(await page.getByTestId('sample-notice').innerText()).toContain('Synthetic sample data');
    for (const layer of ['facilities', 'communities', 'roads'])
      await expect.poll(() => page.getByTestId(`sample-badge-${layer}`).innerText()).toBe('Sample');
    expect(await panelScroll(page)).toBe(0);
    saveScreenshot('answer-first-en.png', await page.screenshot());

    // replace only the facilities with a small file (the sample's first 40 facilities)
    const all = JSON.parse(readFileSync(path.join(REPO_ROOT, 'data/sample/facilities.geojson'), 'utf8')) as FeatureCollection;
    const small: FeatureCollection = { type: 'FeatureCollection', features: all.features.slice(0, 40) };
    const completeBefore = await complete.innerText();
    await page
      .getByTestId('file-input-facilities')
      .setInputFiles({ name: 'few-facilities.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(small)) });
    await expect.poll(() => page.getByTestId('file-name-facilities').innerText(), { timeout: 120_000 }).toContain('few-facilities.geojson');
    await page.waitForSelector('main[data-status="ready"]');
    await page.waitForSelector('[data-testid="job-bar"]', { state: 'detached', timeout: 120_000 });
    await page.waitForSelector('[data-testid="answer"][data-state="ready"]');

    const notice = page.getByTestId('sample-notice');
    expect(await notice.getAttribute('data-sample-layers')).toBe('communities roads');
    const text = await notice.innerText();
    expect(text).toContain('Still the synthetic sample: communities, roads');
    expect(text).toContain('Your files: facilities');
    expect(await page.getByTestId('data-sample-notice').innerText()).toBe(text);
    expect(await page.getByTestId('sample-badge-facilities').count()).toBe(0);
    expect(await page.getByTestId('sample-badge-communities').innerText()).toBe('Sample');
    expect(await page.getByTestId('sample-badge-roads').innerText()).toBe('Sample');
    expect(await page.getByTestId('attribution').innerText()).toContain('Synthetic sample data');
    // the figures are those of the new facilities (40 of 2,000+ facilities cover fewer residents)
    expect(await complete.innerText()).not.toBe(completeBefore);
    expect(await complete.innerText()).toBe(await page.getByTestId('complete-share').innerText());

    // Chinese: the same first screen, 示例 (never 样例) in the notice and badges
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('sample-notice').innerText()).toContain('以下图层仍为合成示例数据：社区、道路');
    expect(await page.getByTestId('sample-badge-roads').innerText()).toBe('示例');
    expect(await page.getByTestId('answer').innerText()).not.toContain('样例');
    expect(await page.getByTestId('attribution').innerText()).toContain('合成示例数据');
    for (const id of ids) await expectOnFirstScreen(page.getByTestId(`answer-share-${id}`), `share of ${id} (zh)`);
    await expectOnFirstScreen(complete, 'complete-circle share (zh)');
    await expectOnFirstScreen(gaps, 'gap count (zh)');
    saveScreenshot('answer-first-zh.png', await page.screenshot());

    // the section nav stays one line in Chinese, and each link brings its section's title into view below it
    const nav = page.getByTestId('section-nav');
    const navLinks = nav.locator('a');
    const linkTops = new Set((await navLinks.evaluateAll((as) => as.map((a) => Math.round(a.getBoundingClientRect().top)))).values());
    expect(linkTops.size, 'nav lines').toBe(1);
    for (const id of ['gaps', 'districts', 'siting', 'data', 'settings', 'answer']) {
      await page.getByTestId(`nav-${id}`).click();
      const navBottom = (await nav.boundingBox())!.y + (await nav.boundingBox())!.height;
      const title = (await page.locator(`#section-${id}-title`).boundingBox())!;
      expect(title.y, `${id} title below the nav`).toBeGreaterThanOrEqual(navBottom);
      expect(title.y + title.height, `${id} title on screen`).toBeLessThanOrEqual(VIEWPORT.height);
    }
  }, 240_000);
});
