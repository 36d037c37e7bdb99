import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PbfReader as Pbf } from 'pbf';
import { VectorTile } from '@mapbox/vector-tile';
import type { FeatureCollection, Point } from 'geojson';
import { openPmtilesFile } from '../../../src/app/basemap/pmtiles-archive';
import { makePmtilesFixture } from '../../../scripts/make-pmtiles-fixture';
import { northBayreuth } from '../../helpers/fixtures';

const file = (bytes: Uint8Array, name: string) => new File([bytes as Uint8Array<ArrayBuffer>], name);
const protomaps = makePmtilesFixture('protomaps');
const places = JSON.parse(readFileSync(northBayreuth('communities.geojson'), 'utf8')) as FeatureCollection<Point>;

/** Tile x/y of a point at zoom z (Web Mercator, XYZ). */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)];
}

describe('openPmtilesFile', () => {
  it('opens the north Bayreuth fixture as a Protomaps vector base map', async () => {
    const result = await openPmtilesFile(file(protomaps, 'bayreuth.pmtiles'));
    if (!result.ok) throw new Error(JSON.stringify(result.problem));
    expect(result.info.tileType).toBe('MVT (vector)');
    expect(result.info.layers).toEqual(['earth', 'roads', 'places']);
    expect([result.info.minZoom, result.info.maxZoom]).toEqual([0, 13]);
    const lons = places.features.map((f) => f.geometry.coordinates[0]!);
    const lats = places.features.map((f) => f.geometry.coordinates[1]!);
    // the places lie inside the archive's bounds (1e-7 degree rounding of the header)
    expect(result.info.bounds[0]).toBeLessThanOrEqual(Math.min(...lons) + 1e-7);
    expect(result.info.bounds[2]).toBeGreaterThanOrEqual(Math.max(...lons) - 1e-7);
    expect(result.info.bounds[1]).toBeLessThanOrEqual(Math.min(...lats) + 1e-7);
    expect(result.info.bounds[3]).toBeGreaterThanOrEqual(Math.max(...lats) - 1e-7);
    expect(result.info.attribution).toBe('© OpenStreetMap contributors');
    expect(result.archive.source.getKey()).toBe(result.key);
  });

  it('serves tiles whose places are exactly the villages inside each tile, with road kinds of the Protomaps schema', async () => {
    const result = await openPmtilesFile(file(protomaps, 'bayreuth.pmtiles'));
    if (!result.ok) throw new Error('not ok');
    const z = 13;
    const tiles = new Map<string, string[]>();
    for (const f of places.features) {
      const [x, y] = tileOf(f.geometry.coordinates[0]!, f.geometry.coordinates[1]!, z);
      const key = `${x}/${y}`;
      tiles.set(key, [...(tiles.get(key) ?? []), String(f.properties?.['name'])]);
    }
    expect(tiles.size).toBeGreaterThan(3);
    const kinds = new Set<string>();
    for (const [key, expected] of tiles) {
      const [x, y] = key.split('/').map(Number) as [number, number];
      const tile = await result.archive.getZxy(z, x, y);
      if (!tile) throw new Error(`no tile ${z}/${key}`);
      const vt = new VectorTile(new Pbf(new Uint8Array(tile.data)));
      const placeLayer = vt.layers['places'];
      const names: string[] = [];
      for (let i = 0; i < (placeLayer?.length ?? 0); i++) {
        const feature = placeLayer!.feature(i);
        const [lon, lat] = (feature.toGeoJSON(x, y, z).geometry as Point).coordinates as [number, number];
        const [fx, fy] = tileOf(lon, lat, z);
        if (fx === x && fy === y) names.push(String(feature.properties['name'])); // the tile's buffer repeats neighbours
        expect(feature.properties['kind']).toBe('locality');
      }
      expect(names.sort()).toEqual([...expected].sort());
      const roads = vt.layers['roads'];
      for (let i = 0; i < (roads?.length ?? 0); i++) kinds.add(String(roads!.feature(i).properties['kind']));
      expect(vt.layers['earth']?.length).toBe(1);
    }
    for (const k of kinds) expect(['highway', 'major_road', 'minor_road', 'path', 'other']).toContain(k);
    expect(kinds.has('minor_road')).toBe(true);
  });

  it('says what a raster archive holds', async () => {
    const result = await openPmtilesFile(file(makePmtilesFixture('raster'), 'ortho.pmtiles'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toEqual({ reason: 'raster', file: 'ortho.pmtiles', tileType: 'PNG (raster)' });
  });

  it('names the layers of a vector archive of another schema', async () => {
    const result = await openPmtilesFile(file(makePmtilesFixture('unknown-schema'), 'other.pmtiles'));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problem).toEqual({
        reason: 'unknownSchema',
        file: 'other.pmtiles',
        tileType: 'MVT (vector)',
        layers: 'streets, villages',
      });
  });

  it('refuses a file that is not PMTiles, an older version and a truncated archive', async () => {
    const geojson = await openPmtilesFile(file(readFileSync(northBayreuth('communities.geojson')), 'communities.pmtiles'));
    expect(geojson.ok ? null : geojson.problem).toEqual({ reason: 'notPmtiles', file: 'communities.pmtiles' });
    const empty = await openPmtilesFile(file(new Uint8Array(0), 'empty.pmtiles'));
    expect(empty.ok ? null : empty.problem.reason).toBe('notPmtiles');
    const v2 = protomaps.slice(0, 200);
    v2[7] = 2;
    const old = await openPmtilesFile(file(v2, 'old.pmtiles'));
    expect(old.ok ? null : old.problem).toEqual({ reason: 'version', file: 'old.pmtiles', version: 2 });
    const cut = await openPmtilesFile(file(protomaps.slice(0, 300), 'cut.pmtiles'));
    expect(cut.ok ? null : cut.problem.reason).toBe('unreadable');
  });
});
