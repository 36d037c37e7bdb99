import { describe, expect, it } from 'vitest';
import area from '@turf/area';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { districtPolygons } from '../../../src/engine/indicators/district-polygons';
import type { Community, CommunityGeometry } from '../../../src/engine/model';
import { deepFreeze } from '../../helpers/fixtures';

/** A square community `size` degrees wide with its south-west corner at (lon, lat). */
const square = (lon: number, lat: number, size = 0.01): CommunityGeometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + size, lat],
      [lon + size, lat + size],
      [lon, lat + size],
      [lon, lat],
    ],
  ],
});
const point = (lon: number, lat: number): CommunityGeometry => ({ type: 'Point', coordinates: [lon, lat] });
const community = (geometry: CommunityGeometry, district?: string): Pick<Community, 'district' | 'geometry'> =>
  district === undefined ? { geometry } : { geometry, district };
const areaOf = (g: CommunityGeometry | NonNullable<ReturnType<typeof districtPolygons>['districts'][number]['geometry']>) =>
  area({ type: 'Feature', properties: {}, geometry: g });

const expectBox = (got: readonly number[] | null, want: number[]) => {
  expect(got).toHaveLength(4);
  got!.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 12));
};

describe('districtPolygons', () => {
  it('two adjacent squares of one district dissolve to one polygon with their summed area and no inner edge', () => {
    const a = square(121.5, 29.8);
    const b = square(121.51, 29.8);
    const { districts, warnings } = districtPolygons(deepFreeze([community(a, '海曙区'), community(b, '海曙区')]));
    expect(warnings).toEqual([]);
    expect(districts).toHaveLength(1);
    const d = districts[0]!;
    expect(d.name).toBe('海曙区');
    expect(d.geometry!.type).toBe('Polygon');
    const rings = d.geometry!.coordinates as [number, number][][];
    expect(rings).toHaveLength(1); // one outer ring, no hole
    expect(areaOf(d.geometry!)).toBeCloseTo(areaOf(a) + areaOf(b), -1); // within 10 m² of ~2.1 km²
    // the shared edge is gone: its middle is inside, not on a ring vertex
    expect(rings[0]!.some(([x, y]) => x === 121.51 && y === 29.805)).toBe(false);
    expect(booleanPointInPolygon([121.51, 29.805], d.geometry!, { ignoreBoundary: true })).toBe(true);
    expectBox(d.bbox, [121.5, 29.8, 121.52, 29.81]);
    expect(d).toMatchObject({ polygons: 2, points: 0 });
  });

  it('parts that do not touch stay apart (a MultiPolygon); districts come in code-point order', () => {
    const { districts } = districtPolygons(
      deepFreeze([
        community(square(121.6, 29.9), '鄞州区'),
        community(square(121.5, 29.8), '北仑区'),
        community(square(121.7, 29.9), '鄞州区'),
      ]),
    );
    expect(districts.map((d) => d.name)).toEqual(['北仑区', '鄞州区']);
    expect(districts[1]!.geometry!.type).toBe('MultiPolygon');
    expect(districts[1]!.geometry!.coordinates).toHaveLength(2);
    expect(areaOf(districts[1]!.geometry!)).toBeCloseTo(areaOf(square(121.6, 29.9)) + areaOf(square(121.7, 29.9)), -1);
  });

  it('overlapping squares count their common area once', () => {
    const { districts } = districtPolygons(deepFreeze([community(square(121.5, 29.8), 'x'), community(square(121.505, 29.8), 'x')]));
    // 1.5 squares wide
    expect(areaOf(districts[0]!.geometry!)).toBeCloseTo(areaOf(square(121.5, 29.8, 0.01)) * 1.5, -2);
  });

  it('communities without a district (missing or empty) form the "unassigned" group, last', () => {
    const { districts } = districtPolygons(
      deepFreeze([community(square(121.5, 29.8)), community(square(121.6, 29.8), '江北区'), community(square(121.51, 29.8), '')]),
    );
    expect(districts.map((d) => d.name)).toEqual(['江北区', null]);
    expect(districts[1]!.geometry!.type).toBe('Polygon'); // the two adjacent unassigned squares, dissolved
    expect(districts[1]!.polygons).toBe(2);
  });

  it('point communities give no polygon: a district of points has none, a mixed one outlines only its polygons', () => {
    const { districts } = districtPolygons(
      deepFreeze([
        community(point(121.5, 29.8), 'points'),
        community(point(121.6, 29.8), 'points'),
        community(square(121.7, 29.8), 'mixed'),
        community(point(121.9, 29.9), 'mixed'),
      ]),
    );
    const byName = new Map(districts.map((d) => [d.name, d]));
    expect(byName.get('points')).toEqual({ name: 'points', geometry: null, bbox: null, polygons: 0, points: 2 });
    const mixed = byName.get('mixed')!;
    expect(mixed).toMatchObject({ polygons: 1, points: 1 });
    expectBox(mixed.bbox, [121.7, 29.8, 121.71, 29.81]); // the point is not in the outline
  });

  it('multipolygon communities dissolve with their neighbours', () => {
    const multi: CommunityGeometry = {
      type: 'MultiPolygon',
      coordinates: [
        (square(121.5, 29.8) as { coordinates: [number, number][][] }).coordinates,
        (square(121.6, 29.8) as { coordinates: [number, number][][] }).coordinates,
      ],
    };
    const { districts } = districtPolygons(deepFreeze([community(multi, 'd'), community(square(121.51, 29.8), 'd')]));
    expect(districts[0]!.geometry!.type).toBe('MultiPolygon');
    expect(districts[0]!.geometry!.coordinates).toHaveLength(2); // the first part merged with its neighbour
    expect(areaOf(districts[0]!.geometry!)).toBeCloseTo(3 * areaOf(square(121.5, 29.8)), -1);
  });
});
