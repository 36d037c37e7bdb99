/**
 * Pure helpers of the siting and export areas: the sites layers, the drag hit test, the export CRS
 * list, percent formatting and the scale bar (the plan indicators are engine/indicators', tested there).
 */
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../helpers/fixtures';
import { mulberry32 } from '../../src/engine/prng';
import { haversineMeters } from '../../src/engine/geo/haversine';
import { sitesLayers, sitePoints, SITE_RADIUS_PX } from '../../src/app/layers/sites-layer';
import { exportCrsOptions } from '../../src/app/report-choices';
import { siteAt } from '../../src/ui/siting/site-editing';
import { formatPercent } from '../../src/ui/siting/format';
import { scaleBar } from '../../src/ui/export/map-capture';
import { formatScaleLength } from '../../src/ui/export/map-image';

const site = (lon: number, lat: number, rank: number) => ({ lon, lat, rank, gainPopulation: 100 / rank, coveredIds: [`C${rank}`] });

describe('sites layers', () => {
  it('draws nothing without a proposal, and covered samples, sites and ranks with one; data memoised per sites array', () => {
    expect(sitesLayers(null)).toEqual([]);
    expect(sitesLayers({ sites: [], coveredSamples: null, category: 'clinic', dragging: null })).toEqual([]);
    const sites = deepFreeze([site(121.5, 29.8, 2), site(121.6, 29.9, 1)]);
    const input = Object.freeze({ sites, coveredSamples: Float64Array.of(121.5, 29.8, 121.51, 29.81), category: 'clinic', dragging: 1 });
    const layers = sitesLayers(input);
    expect(layers.map((l) => l.id)).toEqual(['sites-covered', 'sites', 'sites-rank']);
    expect(layers.every((l) => !l.props.pickable)).toBe(true); // sites are hit on the CPU (app/picking, site-editing)
    expect(sitePoints(sites)).toBe(sitePoints(sites));
    expect(sitePoints(sites).map((p) => [p.index, p.rank, p.position])).toEqual([
      [0, 2, [121.5, 29.8]],
      [1, 1, [121.6, 29.9]],
    ]);
    // the dragged site (index 1) is left out of the discs and numbers: a DOM disc follows the pointer
    expect((layers[1]!.props.data as { index: number }[]).map((p) => p.index)).toEqual([0]);
    expect((layers[2]!.props.data as { index: number }[]).map((p) => p.index)).toEqual([0]);
    expect((layers[1]!.props as unknown as { getRadius: unknown }).getRadius).toBe(SITE_RADIUS_PX);
    const still = sitesLayers({ ...input, dragging: null });
    expect((still[1]!.props.data as { index: number }[]).map((p) => p.index)).toEqual([0, 1]);
  });
});

describe('drag hit test', () => {
  it('picks the nearest site within reach, as a brute-force scan over random points does', () => {
    const rand = mulberry32(17);
    // a plain linear "projection": 1e-4 degree = 1 pixel
    const map = { project: ([lon, lat]: [number, number]) => ({ x: (lon - 121) * 1e4, y: (30 - lat) * 1e4 }) };
    const sites = deepFreeze(Array.from({ length: 30 }, () => ({ lon: 121 + rand() * 0.05, lat: 29.95 + rand() * 0.05 })));
    for (let trial = 0; trial < 500; trial++) {
      const x = rand() * 500,
        y = rand() * 500;
      let want: number | null = null,
        best = Infinity;
      sites.forEach((s, i) => {
        const p = map.project([s.lon, s.lat]);
        const d = Math.hypot(p.x - x, p.y - y);
        if (d <= SITE_RADIUS_PX + 4 && d < best) {
          best = d;
          want = i;
        }
      });
      expect(siteAt(map as never, sites, x, y)).toBe(want);
    }
  });
});

describe('export CRS list', () => {
  const GK = Array.from({ length: 64 }, (_, i) => `EPSG:${4491 + i}`);
  it('offers WGS84, GCJ-02, BD-09, CGCS2000, each loaded CRS once, then every CGCS2000 Gauss–Krüger zone', () => {
    expect(exportCrsOptions({})).toEqual(['WGS84', 'GCJ02', 'BD09', 'CGCS2000', ...GK]);
    const files = deepFreeze({
      facilities: { options: { crs: 'EPSG:4549' as const } },
      communities: { options: { crs: 'GCJ02' as const } },
      roads: { options: {} },
    });
    const reports = deepFreeze({
      roads: { crs: 'EPSG:4549' as const },
      communities: { crs: 'GCJ02' as const },
      facilities: { crs: 'EPSG:32651' as const },
    });
    const list = exportCrsOptions(files, reports);
    expect(list.slice(0, 6)).toEqual(['WGS84', 'GCJ02', 'BD09', 'CGCS2000', 'EPSG:4549', 'EPSG:32651']);
    expect(new Set(list).size).toBe(list.length);
    expect(list).toHaveLength(4 + 1 + 64);
    // a report of a layer that has no file (refused) does not count
    expect(exportCrsOptions({}, deepFreeze({ roads: { crs: 'EPSG:32651' as const } }))).not.toContain('EPSG:32651');
  });
  it("puts the Gauss–Krüger zones of the data's centre first: Ningbo (121.55°E) is 3° zone 41 (CM 123°E) and 6° zone 21 (CM 123°E)", () => {
    // 3° zone 41 with prefix = 4513 + 16 = EPSG:4529, without = 4534 + 16 = EPSG:4550 (CM 123°E);
    // 6° zone 21 (CM 123°E) with prefix = EPSG:4499, without = EPSG:4510
    expect(exportCrsOptions({}, {}, 121.55).slice(4, 8)).toEqual(['EPSG:4529', 'EPSG:4550', 'EPSG:4499', 'EPSG:4510']);
    expect(exportCrsOptions({}, {}, 121.55)).toHaveLength(4 + 64);
  });
});

describe('formats', () => {
  it('percent with one decimal in both languages; – when undefined', () => {
    expect(formatPercent(0.87849, 'en')).toBe('87.8%');
    expect(formatPercent(0.87851, 'zh')).toBe('87.9%');
    expect(formatPercent(NaN, 'en')).toBe('–');
    expect(formatPercent(null, 'zh')).toBe('–');
  });

  it('scale bar: a 1/2/5 × 10ⁿ length no longer than the measured width, its pixels proportional', () => {
    for (const [zoomMetersPerPx, want] of [
      [1, 100],
      [7, 500],
      [30, 2000],
      [90, 10000],
    ] as const) {
      // a fake map at the equator: x pixels east = x × m/px metres
      const degPerPx = zoomMetersPerPx / 111_319.49;
      const map = {
        getContainer: () => ({ clientWidth: 800, clientHeight: 600 }),
        unproject: ([x]: [number, number]) => ({ lng: x * degPerPx, lat: 0 }),
      };
      const bar = scaleBar(map as never, 120);
      expect(bar.meters).toBe(want);
      const maxMeters = haversineMeters(0, 0, 120 * degPerPx, 0);
      expect(bar.pixels).toBeCloseTo((want / maxMeters) * 120, 9);
      expect(bar.pixels).toBeLessThanOrEqual(120);
    }
    expect(formatScaleLength(500)).toBe('500 m');
    expect(formatScaleLength(2000)).toBe('2 km');
  });
});
