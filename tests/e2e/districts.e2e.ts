/**
 * Districts and the plan dashboard, in real Chromium on the built-in sample (whose communities carry
 * a `district` column): choose the district field in the communities' mapping step (first `kind`,
 * which regroups into urban and rural, then `district`), see the district table, sort it, click a
 * row (the map flies to the district), open the dashboard with a district's column, and find the
 * districts part with its charts in the printable summary (its one indicators section), the
 * districts' outlines on the map, the demand-by-age columns of the mapping step, and the exports of
 * accessibility.csv and districts.csv + districts.geojson. Screenshots go to tests/e2e/__screenshots__.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot, useAppSession } from './browser';

const { open } = useAppSession({
  openOptions: {
    viewport: { width: 1400, height: 1000 },
    readySelectors: [
      { selector: '[data-testid="map"][data-map-ready="true"]', timeoutMs: 150_000 },
      { selector: '[data-testid="answer"][data-state="ready"]', timeoutMs: 150_000 },
    ],
  },
  afterOpen: (app) => {
    app.page.setDefaultTimeout(150_000);
  },
});

const districtNames = (page: Page) =>
  page.getByTestId('district-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-district')));
const SAMPLE_DISTRICTS = ['北仑区', '奉化区', '江北区', '海曙区', '鄞州区', '镇海区'];

async function chooseDistrictField(page: Page, field: string) {
  await page.getByTestId('nav-data').click();
  await page.getByTestId('map-communities-districtField').selectOption(field);
  await page.getByTestId('apply-mapping-communities').click();
}

describe('districts and the plan dashboard', () => {
  it('regroups by the chosen district field, sorts, flies to a district and shows the dashboard and charts', async () => {
    const { page } = await open('en-US');
    const section = page.getByTestId('section-districts');
    await section.getByTestId('district-table').waitFor();
    // the sample's district column is found by itself
    await expect.poll(async () => (await districtNames(page)).sort()).toEqual(SAMPLE_DISTRICTS);
    // every column of the table is visible in the side panel: nothing hides behind a sideways scroll
    const overflow = await section
      .getByTestId('district-table')
      .evaluate((table) => table.parentElement!.scrollWidth - table.parentElement!.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await section.getByTestId('district-row').first().innerText()).toMatch(/\d+ communities/);

    // the districts' dissolved outlines and names are drawn on the map
    const layersDrawn = () => page.getByTestId('map').getAttribute('data-layers');
    await expect.poll(layersDrawn, { timeout: 150_000 }).toMatch(/district-outlines.*district-labels/);

    // the mapping step offers a demand column per category that counts places (childcare, canteens, sports)
    await page.getByTestId('nav-data').click();
    const demand = page.getByTestId('map-communities-demand-childcare');
    await page.getByTestId('demand-fields').locator('summary').click();
    expect(await demand.locator('option').allInnerTexts()).toEqual([
      'All residents (population column)',
      'id',
      'name',
      'kind',
      'population',
      'district',
    ]);
    expect(await page.getByTestId('map-communities-demand-canteen').count()).toBe(1);
    expect(await page.getByTestId('map-communities-demand-clinic').count()).toBe(0); // clinics count no places

    // choose another field: the table regroups (urban / rural)
    await chooseDistrictField(page, 'kind');
    await expect.poll(async () => (await districtNames(page)).sort(), { timeout: 150_000 }).toEqual(['rural', 'urban']);
    // back to the district column
    await chooseDistrictField(page, 'district');
    await expect.poll(async () => (await districtNames(page)).sort(), { timeout: 150_000 }).toEqual(SAMPLE_DISTRICTS);

    await page.getByTestId('nav-districts').click();
    // sort by covered share, highest first: the share column descends
    await section.getByTestId('district-sort-share').click();
    const shares = await section.locator('[data-testid="district-row"] .share').allInnerTexts();
    const values = shares.map((s) => Number(s.replace(/[^\d.]/g, '')));
    expect(values).toHaveLength(6);
    expect([...values].sort((a, b) => b - a)).toEqual(values);

    // clicking a row flies the map to the district and shows its column on the dashboard
    const before = await page.getByTestId('map').getAttribute('data-center');
    const row = section.locator('[data-testid="district-row"][data-district="北仑区"]');
    await row.click();
    await expect.poll(() => page.getByTestId('map').getAttribute('data-center'), { timeout: 30_000 }).not.toBe(before);
    // 北仑 lies east of 121.75° (the sample's easternmost district)
    await expect
      .poll(async () => Number((await page.getByTestId('map').getAttribute('data-center'))!.split(',')[0]), { timeout: 30_000 })
      .toBeGreaterThan(121.75);
    expect(await row.getAttribute('class')).toContain('selected');
    // the outlines of the district flown to, with their names (the side panel narrowed to the map)
    await page.waitForTimeout(2_000);
    const box = (await page.getByTestId('map').boundingBox())!;
    const clip = { x: box.x + box.width / 2 - 280, y: box.y + box.height / 2 - 200, width: 560, height: 400 };
    saveScreenshot('districts-6-outlines.png', await page.screenshot({ clip }));
    // the outlines can be switched off and on
    await section.getByTestId('show-outlines').uncheck();
    await expect.poll(layersDrawn).not.toContain('district-outlines');
    await section.getByTestId('show-outlines').check();
    await expect.poll(layersDrawn).toContain('district-outlines');
    await section.scrollIntoViewIfNeeded();

    const dashboard = section.getByTestId('dashboard');
    await expect.poll(() => dashboard.locator('thead th').allInnerTexts()).toEqual(['Indicator', 'Target', 'All residents', '北仑区']);
    const targets = await dashboard.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-target')));
    expect(targets).toEqual(['childcarePlaces', 'sportsArea', 'canteens', 'medicalCircle', 'lifeCircle', 'culturePoints']);
    // the sample: 461 canteens (≥ 200 met), 442 culture points (of 2,000: not met)
    expect(await dashboard.locator('[data-target="canteens"] [data-testid="dashboard-value"]').innerText()).toMatch(/^461\s*✓ met$/);
    expect(await dashboard.locator('[data-target="culturePoints"] [data-testid="dashboard-value"]').innerText()).toMatch(
      /^442\s*✗ not met$/,
    );
    expect(await dashboard.locator('[data-target="canteens"] [data-testid="dashboard-district-value"]').innerText()).toMatch(
      /city-wide target/,
    );
    expect(await dashboard.locator('[data-target="childcarePlaces"] [data-testid="dashboard-value"]').innerText()).toMatch(
      /^6\.68\s*✓ met$/,
    );

    // charts: SVG from Observable Plot (loaded with the first chart)
    for (const id of ['chart-bands', 'chart-lorenz', 'chart-districts'])
      await expect.poll(() => section.getByTestId(id).locator('svg').count()).toBeGreaterThan(0);
    await section.getByTestId('dashboard').scrollIntoViewIfNeeded();
    saveScreenshot('districts-1-dashboard.png', await page.getByTestId('side-panel').screenshot());
    await section.getByTestId('district-table').scrollIntoViewIfNeeded();
    saveScreenshot('districts-2-table.png', await page.screenshot());
    await section.getByTestId('chart-bands').scrollIntoViewIfNeeded();
    saveScreenshot('districts-3-charts.png', await page.getByTestId('side-panel').screenshot());

    // an SVG download of a chart
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByTestId('chart-lorenz-svg').click()]);
    expect(download.suggestedFilename()).toBe('lorenz-clinic.svg');

    // the export has accessibility.csv as the command line writes it, and the districts with their outlines
    await page.getByTestId('export-accessibility').scrollIntoViewIfNeeded();
    const [acc] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-accessibility').click()]);
    expect(acc.suggestedFilename()).toBe('accessibility.csv');
    const accText = readFileSync((await acc.path())!, 'utf8');
    expect(accText.slice(0, 80)).toBe(
      '\uFEFFcommunity_id,name,kind,district,category,population,minutes,covered_share,sfca_2,sfca_e2\r\n'.slice(0, 80),
    );
    const [dist] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-districts').click()]);
    expect(dist.suggestedFilename()).toBe('districts.zip');
    const zipped = unzipSync(new Uint8Array(readFileSync((await dist.path())!)));
    expect(Object.keys(zipped).sort()).toEqual(['districts.csv', 'districts.geojson']);
    const outlines = JSON.parse(strFromU8(zipped['districts.geojson']!)) as { features: { properties: { district: string } }[] };
    expect(outlines.features.map((f) => f.properties.district).sort()).toEqual(SAMPLE_DISTRICTS);
  }, 600_000);

  it('in Chinese: the table and dashboard labels, and the districts part of the printable summary', async () => {
    const { page } = await open('zh-CN');
    const section = page.getByTestId('section-districts');
    await section.getByTestId('dashboard').waitFor();
    expect(await section.getByTestId('dashboard').locator('thead th').allInnerTexts()).toEqual(['指标', '目标', '全部居民']);
    await page.getByTestId('nav-districts').click();
    await section.getByTestId('district-table').waitFor();
    expect(await section.getByTestId('district-row').first().innerText()).toMatch(/\d+ 个社区/);
    await section.getByTestId('dashboard').scrollIntoViewIfNeeded();
    saveScreenshot('districts-4-zh.png', await page.getByTestId('side-panel').screenshot());
    await page.getByTestId('export-print').click();
    const print = page.getByTestId('print-districts');
    await print.waitFor();
    await expect.poll(() => print.locator('svg').count()).toBeGreaterThanOrEqual(3);
    expect(await print.locator('tbody tr').count()).toBe(7); // everyone + six districts
    // one indicators section: the older plan-indicators table is gone
    const headings = await page.getByTestId('print-view').locator('h2').allInnerTexts();
    expect(headings.filter((h) => /规划/.test(h))).toEqual(['分区、公平性与规划目标']);
    expect(await page.getByTestId('print-indicators').count()).toBe(0);
    await print.scrollIntoViewIfNeeded();
    saveScreenshot('districts-5-print.png', await page.screenshot());
  }, 400_000);
});
