/**
 * The CLI streams its report files to disk (`streamAnalysisReport`): each file must be the same bytes
 * the report holds in memory (`writeAnalysisReportBytes`), for a report large enough to be written in
 * several chunks, with communities mixing points, polygons and multipolygons, gaps, districts and
 * the accessibility columns.
 */
import { describe, expect, it } from 'vitest';
import { computeAccessibility } from '../../src/engine/accessibility/compute-accessibility';
import { analyze, type Analysis } from '../../src/engine/analyze';
import { findGapZones } from '../../src/engine/coverage/gap-zones';
import type { Community, Dataset, Facility, Settings } from '../../src/engine/model';
import { mulberry32 } from '../../src/engine/prng';
import {
  streamAnalysisReport,
  writeAnalysisReportBytes,
  type AnalysisReportInput,
  type ReportFileName,
} from '../../src/io/analysis-report';
import { STREAM_CHUNK } from '../../src/io/byte-writer';
import { reportProblems } from '../../src/io/report-summary';
import { resolveSettings } from '../../src/io/settings';

/** A seeded city: 4,000 communities (points, squares, squares with a hole, two-part multipolygons), few facilities. */
function city(): Dataset {
  const rand = mulberry32(7);
  const d = 0.002;
  const square = (lon: number, lat: number, h: number): [number, number][] => [
    [lon - h, lat - h],
    [lon + h, lat - h],
    [lon + h, lat + h],
    [lon - h, lat + h],
    [lon - h, lat - h],
  ];
  const communities: Community[] = [];
  for (let i = 0; i < 4000; i++) {
    const lon = 121.5 + rand() * 0.2;
    const lat = 29.8 + rand() * 0.2;
    const geometry: Community['geometry'] =
      i % 4 === 0
        ? { type: 'Point', coordinates: [lon, lat] }
        : i % 4 === 1
          ? { type: 'Polygon', coordinates: [square(lon, lat, d)] }
          : i % 4 === 2
            ? { type: 'Polygon', coordinates: [square(lon, lat, d), square(lon, lat, d / 4).reverse()] }
            : { type: 'MultiPolygon', coordinates: [[square(lon, lat, d)], [square(lon + 3 * d, lat, d / 2)]] };
    communities.push({
      index: i,
      id: `C${i}`,
      name: i % 5 === 0 ? `社区 "${i}", 东` : `c${i}`,
      kind: rand() < 0.7 ? 'urban' : 'rural',
      population: Math.floor(rand() * 2000),
      geometry,
      ...(i % 3 === 0 ? { district: `区${i % 4}` } : {}),
    });
  }
  const cats = ['clinic', 'canteen', 'childcare', 'sports', 'culture', 'convenience'];
  const facilities: Facility[] = Array.from({ length: 60 }, (_, i) => ({
    index: i,
    id: `F${i}`,
    name: `设施${i}`,
    category: cats[i % cats.length]!,
    capacity: i % 2 === 0 ? 50 + i : null,
    lon: 121.5 + rand() * 0.2,
    lat: 29.8 + rand() * 0.2,
  }));
  return { facilities, communities, roads: null };
}

/** Every file of the streamed report, its chunks joined; and how many chunks the largest came in. */
function streamed(input: AnalysisReportInput) {
  const chunks = new Map<ReportFileName, Uint8Array[]>();
  const closed: ReportFileName[] = [];
  const res = streamAnalysisReport(input, (name) => {
    expect(chunks.has(name)).toBe(false); // each file opened once
    chunks.set(name, []);
    return { write: (c) => chunks.get(name)!.push(c.slice()), close: () => closed.push(name) };
  });
  const files = new Map([...chunks].map(([name, cs]) => [name, Buffer.concat(cs)]));
  return { res, files, closed, most: Math.max(...[...chunks.values()].map((cs) => cs.length)) };
}

describe('streamAnalysisReport', () => {
  const settings = resolveSettings({ model: 'straight', preset: 'ningbo' }, 'settings').value as Settings;
  const dataset = city();
  const analysis = analyze(dataset, settings);
  const zones = findGapZones(analysis.samples, analysis.fields, settings);
  const accessibility = computeAccessibility(analysis.travel, dataset, analysis.samples, settings, { fields: analysis.fields });
  const options = { accessibility, generatedAt: '2025-06-01T08:00:00Z' };

  it.each([
    ['gaps in community order (streamed while written)', analysis],
    ['gaps in another order (copied afterwards)', { ...analysis, gaps: [...analysis.gaps].reverse() } as Analysis],
  ])('%s: every file is the bytes of the report in memory', (_, a) => {
    expect(a.gaps.length).toBeGreaterThan(10);
    const input = { dataset, analysis: a, zones, settings, problems: reportProblems([], []), options };
    const memory = writeAnalysisReportBytes(input);
    const { res, files, closed, most } = streamed(input);
    expect(res.names).toEqual(Object.keys(memory));
    expect([...files.keys()].sort()).toEqual(Object.keys(memory).sort());
    expect(closed.sort()).toEqual(Object.keys(memory).sort());
    expect(res.summary).toBe(memory['summary.json']);
    for (const [name, data] of Object.entries(memory)) {
      const want = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
      expect(files.get(name as ReportFileName)!.equals(want), name).toBe(true);
    }
    // the mixed layers are all there, and the largest files came in several chunks
    expect(res.names).toEqual(
      expect.arrayContaining(['communities-points.geojson', 'gap-communities-points.geojson', 'accessibility.csv']),
    );
    expect(memory['communities.geojson'].length).toBeGreaterThan(2 * STREAM_CHUNK);
    if (a === analysis) expect(most).toBeGreaterThan(2);
  });
});
