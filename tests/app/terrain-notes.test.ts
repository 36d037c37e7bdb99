/**
 * The elevation card's notes from a real analysis travel model: a DEM over part of the road, over
 * all of it, far away, and under the straight-line model; no-data samples per file. Each note is a
 * translation key present in both languages, rendered with its values.
 */
import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_METERS } from '../../src/engine/geo/haversine';
import type { CategoryDef, Settings } from '../../src/engine/model';
import type { ElevationGrid } from '../../src/engine/terrain/elevation-grid';
import { createModalTravelModel } from '../../src/engine/travel/modal-travel';
import { terrainNotes } from '../../src/app/terrain-notes';
import en from '../../src/i18n/en';
import zh from '../../src/i18n/zh-CN';
import { deepFreeze } from '../helpers/fixtures';
import { makeFacilities, SETTINGS } from '../engine/travel/fixtures';
import { syntheticGrid } from '../engine/terrain/dem-helpers';

const DEG = (Math.PI / 180) * EARTH_RADIUS_METERS;
const LON = 11.5;
const SOUTH = 49.9;
/** A residential road 1 km due north in ten 100 m segments. */
const ROADS = deepFreeze([
  {
    coordinates: Array.from({ length: 11 }, (_, k) => [LON, SOUTH + (k * 100) / DEG] as [number, number]),
    highway: 'residential',
    speedKmh: null,
  },
]);
const category: CategoryDef = {
  id: 'c',
  label: { zh: 'c', en: 'c' },
  thresholdMinutes: { urban: 15, rural: 20 },
  mode: { urban: 'walk', rural: 'ebike' },
};

/** The terrain use of an analysis of both modes over `grids`. */
function useOf(grids: ElevationGrid[], model: Settings['model'] = 'network') {
  const settings: Settings = { ...SETTINGS, model, categories: [category] };
  const travel = createModalTravelModel(
    deepFreeze({ facilities: makeFacilities([LON], [SOUTH], () => 'c'), communities: [], roads: ROADS, elevation: grids }),
    settings,
  );
  travel.forMode('walk');
  travel.forMode('ebike');
  return travel.terrain;
}

/** `t(key, values)` in one language, as the card renders it (mode names from `modes.`). */
function render(lang: object, key: string, values: Record<string, string | number>, mode?: string): string {
  const strings = lang as Record<string, Record<string, string>>;
  const [part, name] = key.split('.') as [string, string];
  const modes = strings.modes!;
  const all: Record<string, string | number> = { ...values, mode: mode ? modes[mode]! : '' };
  return strings[part]![name]!.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(all[k]));
}

const southHalf = syntheticGrid('south.tif', 11.49, 49.89, 11.51, SOUTH + 450 / DEG, 0.0005, (_x, y) => 300 + 0.05 * (y - SOUTH) * DEG);
const whole = syntheticGrid('whole.tif', 11.49, 49.89, 11.51, 49.92, 0.0005, (_x, y) => 300 + 0.05 * (y - SOUTH) * DEG);
const far = syntheticGrid('N29E121.hgt', 121, 29, 122, 30, 0.01, () => 10);

describe('elevation card notes', () => {
  it('counts per mode the road segments outside a DEM that covers the southern part of the road', () => {
    const notes = terrainNotes([], useOf([southHalf]));
    // segments 0–3 lie inside (up to 400 m), segment 4 (400–500 m) crosses the edge at 450 m, 5–9 are outside
    expect(notes.map((n) => [n.key, n.mode, n.values])).toEqual([
      ['terrain.partlyOutside', 'walk', { flat: 6, total: 10 }],
      ['terrain.partlyOutside', 'ebike', { flat: 6, total: 10 }],
    ]);
    expect(notes.every((n) => n.warn)).toBe(true);
    expect(render(en, notes[1]!.key, notes[1]!.values, notes[1]!.mode)).toBe(
      'E-bike: 6 of 10 road segments lie partly or wholly outside the elevation data (or over no-data voids); those parts keep flat costs.',
    );
    expect(render(zh, notes[0]!.key, notes[0]!.values, notes[0]!.mode)).toBe(
      '步行：10 段道路中有 6 段部分或全部位于高程数据范围之外（或在无数据空洞上），这些部分按平地计算。',
    );
  });

  it('says every segment follows the slope under a DEM covering the road, and that a far DEM does not overlap the roads', () => {
    expect(terrainNotes([], useOf([whole])).map((n) => [n.key, n.mode, n.values, n.warn])).toEqual([
      ['terrain.covered', 'walk', { total: 10 }, false],
      ['terrain.covered', 'ebike', { total: 10 }, false],
    ]);
    const notes = terrainNotes([], useOf([far]));
    expect(notes.map((n) => n.key)).toEqual(['terrain.noOverlap']);
    expect(render(en, notes[0]!.key, notes[0]!.values)).toBe(
      'The elevation data (N29E121.hgt) does not overlap the roads: every road keeps flat costs.',
    );
    expect(render(zh, notes[0]!.key, notes[0]!.values)).toBe('高程数据（N29E121.hgt）与道路不重叠：所有道路按平地计算。');
  });

  it('says the straight-line model ignores the DEM, and says nothing without one', () => {
    expect(terrainNotes([], useOf([whole], 'straight')).map((n) => n.key)).toEqual(['terrain.ignored']);
    expect(useOf([])).toBeNull();
    expect(terrainNotes([], null)).toEqual([]);
  });

  it('lists no-data samples filled and left flat per file', () => {
    const notes = terrainNotes(
      [
        { file: 'a.hgt', filled: 3, leftFlat: 0 },
        { file: 'b.tif', filled: 0, leftFlat: 0 },
        { file: 'c.tif', filled: 2, leftFlat: 40 },
      ],
      null,
    );
    expect(notes.map((n) => [n.key, n.values, n.warn])).toEqual([
      ['terrain.noDataFilled', { file: 'a.hgt', count: 3 }, false],
      ['terrain.noDataFilled', { file: 'c.tif', count: 2 }, false],
      ['terrain.noDataLeftFlat', { file: 'c.tif', count: 40 }, true],
    ]);
    expect(render(zh, notes[2]!.key, notes[2]!.values)).toBe('c.tif：较大空洞中的 40 个采样点没有高程，经过的道路按平地计算。');
  });
});
