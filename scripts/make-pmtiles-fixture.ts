/**
 * Builds a small PMTiles v3 vector base map of north Bayreuth from the real fixture
 * (tests/fixtures/real/north-bayreuth: © OpenStreetMap contributors, ODbL), with layers named and
 * tagged like the Protomaps basemap schema so that `@protomaps/basemaps` styles draw it:
 * `earth` (the land, one polygon over the data's bounds), `roads` (kind / kind_detail from the OSM
 * `highway`, name) and `places` (the villages as `locality` points with their names).
 * Tiles are cut with geojson-vt and encoded with vt-pbf; zooms 0–13 (maplibre over-zooms beyond).
 *
 *   npx tsx scripts/make-pmtiles-fixture.ts out.pmtiles [--raster | --unknown-schema]
 *
 * Tests call {@link makePmtilesFixture} directly (it takes about a second), so no archive is committed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { PMTILES_TILE_TYPE, writePmtiles, type PmtilesTile } from './pmtiles/write-pmtiles';

const here = path.dirname(fileURLToPath(import.meta.url));
const SOURCE = path.resolve(here, '../tests/fixtures/real/north-bayreuth');

/** Which archive to build: the Protomaps-schema vector map, raster tiles, or vector tiles of another schema. */
export type PmtilesFixtureKind = 'protomaps' | 'raster' | 'unknown-schema';

const MAX_ZOOM = 13;
const ATTRIBUTION = '© OpenStreetMap contributors';

/** Protomaps road kind of an OSM `highway` value. */
function roadKind(highway: string): string {
  if (/^(motorway|trunk)(_link)?$/.test(highway)) return 'highway';
  if (/^(primary|secondary|tertiary)(_link)?$/.test(highway)) return 'major_road';
  if (/^(residential|unclassified|service|living_street|road)$/.test(highway)) return 'minor_road';
  if (/^(footway|path|cycleway|steps|track|pedestrian|bridleway|corridor)$/.test(highway)) return 'path';
  return 'other';
}

const readCollection = (name: string) => JSON.parse(readFileSync(path.join(SOURCE, name), 'utf8')) as FeatureCollection;

/** Layer name → features in the Protomaps schema, and the data's bounds in degrees. */
function protomapsLayers(): { layers: Record<string, FeatureCollection>; bounds: [number, number, number, number] } {
  const roads = readCollection('roads.geojson');
  const places = readCollection('communities.geojson');
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const grow = (c: number[]) => {
    w = Math.min(w, c[0]!);
    s = Math.min(s, c[1]!);
    e = Math.max(e, c[0]!);
    n = Math.max(n, c[1]!);
  };
  const roadFeatures: Feature[] = roads.features.flatMap((f) => {
    if (f.geometry?.type !== 'LineString') return [];
    f.geometry.coordinates.forEach(grow);
    const highway = String(f.properties?.['highway'] ?? 'road');
    const name = f.properties?.['name'];
    const kind = roadKind(highway);
    const properties: Record<string, string | number | boolean> = {
      kind,
      kind_detail: highway.replace(/_link$/, ''),
      min_zoom: kind === 'path' ? 13 : 7,
    };
    if (highway.endsWith('_link')) properties['is_link'] = true;
    if (typeof name === 'string' && name) properties['name'] = name;
    return [{ type: 'Feature', properties, geometry: f.geometry }];
  });
  const placeFeatures: Feature<Point>[] = places.features.flatMap((f) => {
    if (f.geometry?.type !== 'Point') return [];
    const population = Number(f.properties?.['population'] ?? 0);
    return [
      {
        type: 'Feature',
        properties: {
          kind: 'locality',
          name: String(f.properties?.['name'] ?? ''),
          population,
          population_rank: population >= 1000 ? 9 : population >= 500 ? 8 : 7,
          min_zoom: population >= 1000 ? 10 : 12,
        },
        geometry: f.geometry,
      },
    ];
  });
  const earth: Feature = {
    type: 'Feature',
    properties: { kind: 'earth' },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ],
    },
  };
  return {
    layers: {
      earth: { type: 'FeatureCollection', features: [earth] },
      roads: { type: 'FeatureCollection', features: roadFeatures },
      places: { type: 'FeatureCollection', features: placeFeatures },
    },
    bounds: [w, s, e, n],
  };
}

/** Tile x/y range of a bounds at a zoom (Web Mercator, XYZ with y down). */
function tileRange(bounds: readonly [number, number, number, number], z: number): [number, number, number, number] {
  const n = 2 ** z;
  const x = (lon: number) => Math.min(n - 1, Math.floor(((lon + 180) / 360) * n));
  const y = (lat: number) => {
    const r = (lat * Math.PI) / 180;
    return Math.min(n - 1, Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n));
  };
  return [x(bounds[0]), y(bounds[3]), x(bounds[2]), y(bounds[1])];
}

/** A 1×1 PNG (grey), the payload of the raster variant. */
const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64');

/**
 * Builds the archive.
 *
 * @param kind 'protomaps' (default): the base map; 'raster': the same tile pyramid as PNG tiles;
 *   'unknown-schema': vector tiles whose layers are `streets` and `villages` (not Protomaps names)
 * @returns the `.pmtiles` bytes
 */
export function makePmtilesFixture(kind: PmtilesFixtureKind = 'protomaps'): Uint8Array {
  const { layers, bounds } = protomapsLayers();
  const named: Record<string, FeatureCollection> =
    kind === 'unknown-schema' ? { streets: layers['roads']!, villages: layers['places']! } : layers;
  const indexes = Object.entries(named).map(
    ([name, fc]) => [name, new GeoJSONVT(fc, { maxZoom: MAX_ZOOM, indexMaxZoom: 5, tolerance: 3, extent: 4096, buffer: 64 })] as const,
  );
  const tiles: PmtilesTile[] = [];
  for (let z = 0; z <= MAX_ZOOM; z++) {
    const [x0, y0, x1, y1] = tileRange(bounds, z);
    for (let x = x0; x <= x1; x++)
      for (let y = y0; y <= y1; y++) {
        if (kind === 'raster') {
          tiles.push({ z, x, y, data: new Uint8Array(PNG_1PX) });
          continue;
        }
        const present = Object.fromEntries(
          indexes.flatMap(([name, index]) => {
            const tile = index.getTile(z, x, y);
            return tile && tile.features.length ? [[name, tile]] : [];
          }),
        );
        if (Object.keys(present).length) tiles.push({ z, x, y, data: fromGeojsonVt(present, { version: 2, extent: 4096 }) });
      }
  }
  const fields: Record<string, Record<string, string>> = {
    earth: { kind: 'String' },
    roads: { kind: 'String', kind_detail: 'String', name: 'String', min_zoom: 'Number', is_link: 'Boolean' },
    places: { kind: 'String', name: 'String', population: 'Number', population_rank: 'Number', min_zoom: 'Number' },
    streets: { kind: 'String', name: 'String' },
    villages: { kind: 'String', name: 'String' },
  };
  const vectorLayers = Object.keys(named).map((id) => ({ id, fields: fields[id] ?? {}, minzoom: 0, maxzoom: MAX_ZOOM }));
  return writePmtiles(tiles, {
    tileType: kind === 'raster' ? PMTILES_TILE_TYPE.png : PMTILES_TILE_TYPE.mvt,
    bounds,
    center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, 12],
    metadata: {
      name: 'north-bayreuth-fixture',
      attribution: ATTRIBUTION,
      ...(kind === 'raster' ? {} : { vector_layers: vectorLayers }),
    },
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: tsx scripts/make-pmtiles-fixture.ts out.pmtiles [--raster | --unknown-schema]');
    process.exit(2);
  }
  const kind: PmtilesFixtureKind = process.argv.includes('--raster')
    ? 'raster'
    : process.argv.includes('--unknown-schema')
      ? 'unknown-schema'
      : 'protomaps';
  const bytes = makePmtilesFixture(kind);
  writeFileSync(out, bytes);
  console.log(`${out}: ${bytes.length} bytes (${kind})`);
}
