/**
 * `analyze --format geojson,shapefile` writes shapefiles.zip: one shapefile per layer that GDAL's
 * `ogrinfo -so -al` reads with one geometry type, the export CRS (.prj) and Chinese names intact
 * (UTF-8 .dbf with its .cpg); `--format shapefile` alone writes no GeoJSON layers; a bad format is refused.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { analyzeGrid as analyze } from '../helpers/run-cli';

/** Unzip shapefiles.zip into a folder; the file names in it. */
function unzipTo(dir: string): string[] {
  const files = unzipSync(new Uint8Array(readFileSync(join(dir, 'shapefiles.zip'))));
  const to = join(dir, 'shp');
  spawnSync('mkdir', ['-p', to]);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(to, name), bytes);
  return Object.keys(files).sort();
}

function ogrinfo(args: string[]): string {
  const r = spawnSync('ogrinfo', args, { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('analyze --format shapefile (grid-3x3 fixture)', () => {
  it('writes one shapefile per layer: one geometry type each, the Gauss–Krüger CRS, Chinese names read back', async () => {
    const { dir, code, stderr } = await analyze(['--format', 'geojson,shapefile', '--export-crs', 'EPSG:4529']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(existsSync(join(dir, 'gap-zones.geojson'))).toBe(true);
    const names = unzipTo(dir);
    const layers = [...new Set(names.map((n) => n.replace(/\.[a-z]+$/, '')))];
    expect(layers).toEqual(expect.arrayContaining(['communities', 'gap-communities', 'gap-zones']));
    for (const layer of layers) for (const ext of ['shp', 'shx', 'dbf', 'prj', 'cpg']) expect(names, layer).toContain(`${layer}.${ext}`);
    const want = { communities: 'Point', 'gap-communities': 'Point', 'gap-zones': 'Polygon' } as Record<string, string>;
    for (const layer of layers) {
      const info = ogrinfo(['-so', '-al', join(dir, 'shp', `${layer}.shp`)]);
      const geometries = [...info.matchAll(/^Geometry: (.+)$/gm)].map((m) => m[1]);
      expect(geometries, layer).toEqual([want[layer]]);
      // GDAL recognises the ESRI WKT as CGCS2000 3° Gauss–Krüger zone 41 (EPSG:4529)
      expect(info, layer).toMatch(/CGCS2000 \/ 3-degree Gauss-Kruger zone 41|CGCS2000_3_Degree_GK_Zone_41/);
      expect(info, layer).toMatch(/"False easting",41500000/);
    }
    // the features read back: Chinese names intact, the same count as the GeoJSON layer, metres
    const geo = JSON.parse(readFileSync(join(dir, 'communities.geojson'), 'utf8')) as {
      features: { properties: { id: string; name: string }; geometry: { coordinates: number[] } }[];
    };
    const all = ogrinfo(['-al', '-q', join(dir, 'shp', 'communities.shp')]);
    expect(all.match(/OGRFeature\(communities\)/g)).toHaveLength(geo.features.length);
    for (const f of geo.features) expect(all).toContain(`name (String) = ${f.properties.name}`);
    expect(all).toContain('name (String) = 东北社区');
    const first = geo.features[0]!.geometry.coordinates;
    expect(first[0]).toBeGreaterThan(41_000_000); // zone-prefixed easting
    expect(all).toContain(`POINT (${first[0]} ${first[1]})`);
  });

  it('--format shapefile writes no GeoJSON layers; WGS84 .prj; a bad format is refused', async () => {
    const { dir, code } = await analyze(['--format', 'shapefile']);
    expect(code).toBe(0);
    expect(existsSync(join(dir, 'gap-zones.geojson'))).toBe(false);
    expect(existsSync(join(dir, 'summary.json'))).toBe(true);
    unzipTo(dir);
    expect(ogrinfo(['-so', '-al', join(dir, 'shp', 'gap-zones.shp')])).toMatch(/ID\["EPSG",4326\]|GCS_WGS_1984|WGS 84/);
    const bad = await analyze(['--format', 'kml']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--format: expected geojson and\/or shapefile .*"kml"/);
  });
});
