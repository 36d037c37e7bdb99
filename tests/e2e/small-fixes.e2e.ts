/**
 * The smaller visible fixes of issue 13 point 6, in one page load of the built app (Chinese UI, the
 * built-in sample): the gap table's time column is the missing category's, the Chinese terms on
 * screen are the house ones, and a PNG given as facilities is named as a PNG, not "invalid JSON".
 * Screenshots go to /tmp (not committed).
 */
import { describe, expect, it } from 'vitest';
import { useAppSession } from './browser';

const PNG = Buffer.from([
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  0,
  0,
  0,
  13,
  0x49,
  0x48,
  0x44,
  0x52,
  ...new Array<number>(40).fill(0),
]);

// the map may take over a minute to be ready on a loaded 2-core machine
const { open } = useAppSession({
  openOptions: {
    readySelectors: [
      { selector: '[data-testid="map"][data-map-ready="true"]', timeoutMs: 120_000 },
      { selector: 'main[data-status="ready"]', timeoutMs: 60_000 },
    ],
  },
});

describe('smaller fixes on the sample (zh)', () => {
  it('gap time of the missing category, house terms, PNG named', async () => {
    const { page } = await open('zh-CN');
    await page.screenshot({ path: '/tmp/small-after-start.png' });

    // gap table: header names the missing category; each row's time is for a category the row misses
    expect((await page.getByTestId('gap-time-header').innerText()).replace(/\s+/g, ' ')).toBe('所缺类别 分钟');
    const rows = page.getByTestId('gap-row');
    expect(await rows.count()).toBeGreaterThan(0);
    for (let i = 0; i < Math.min(5, await rows.count()); i++) {
      const row = rows.nth(i);
      const missing = await row.locator('td.chips .chip').evaluateAll((els) => els.map((e) => e.getAttribute('data-category')));
      const timeCategory = await row.getByTestId('gap-time').getAttribute('data-category');
      expect(missing).toContain(timeCategory);
    }
    await page.getByTestId('gap-table').screenshot({ path: '/tmp/small-after-gap-table.png' });

    // one term per idea on screen
    const body = await page.locator('body').innerText();
    expect(body).toContain('医疗卫生');
    for (const banned of ['城镇', '样例', '卫生服务']) expect(body).not.toContain(banned);

    // a PNG given as facilities: named as an image; the sample's facilities stay
    await page.getByTestId('file-input-facilities').setInputFiles({ name: 'map.png', mimeType: 'image/png', buffer: PNG });
    await expect
      .poll(() => page.getByTestId('report-facilities').innerText(), { timeout: 60_000 })
      .toContain('a PNG image, not GeoJSON/CSV/Shapefile');
    const report = await page.getByTestId('report-facilities').innerText();
    expect(report).not.toMatch(/invalid JSON/i);
    await page.getByTestId('report-facilities').screenshot({ path: '/tmp/small-after-png.png' });
  }, 170_000);
});
