import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { elevationAt } from '../../../src/engine/terrain/elevation-grid';
import { readDemFile } from '../../../src/io/dem/read-dem';

const TIF = path.resolve(__dirname, '../../fixtures/real/dem/north-bayreuth-srtm.tif');

/** A 1201² SRTM tile with z = row + 2·col metres and a few voids. */
function hgtTile(voids: number[] = []): Uint8Array {
  const n = 1201;
  const bytes = new Uint8Array(n * n * 2);
  const view = new DataView(bytes.buffer);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) view.setInt16(2 * (r * n + c), r + 2 * c, false);
  for (const i of voids) view.setInt16(2 * i, -32768, false);
  return bytes;
}

describe('readDemFile', () => {
  it('reads an SRTM .hgt tile placed by its name, samples on the degree lines, bilinear between them', async () => {
    const r = await readDemFile('N49E011.hgt', hgtTile());
    expect(r.errors).toEqual([]);
    const g = [r.value!];
    expect(elevationAt(g, 11, 50)).toBe(0); // row 0 = north edge
    expect(elevationAt(g, 12, 49)).toBe(1200 + 2400);
    // 1/4 of a cell east and 1/2 south of sample (row 10, col 20)
    const step = 1 / 1200;
    expect(elevationAt(g, 11 + 20.25 * step, 50 - 10.5 * step)).toBeCloseTo(10.5 + 2 * 20.25, 6);
    expect(elevationAt(g, 10.99, 49.5)).toBeNaN();
    const south = await readDemFile('S08W079.hgt', hgtTile());
    expect(elevationAt([south.value!], -79, -7)).toBe(0);
  });

  it('reads a zipped tile and fills single voids from their neighbours, saying how many', async () => {
    const zip = zipSync({ 'N49E011.hgt': hgtTile([1201 * 5 + 7]) });
    const r = await readDemFile('N49E011.hgt.zip', zip);
    expect(r.errors).toEqual([]);
    expect(r.warnings[0]!.reason).toMatch(/^1 no-data samples filled/);
    expect(r.noData).toEqual({ filled: 1, leftFlat: 0 });
    const step = 1 / 1200;
    expect(elevationAt([r.value!], 11 + 7 * step, 50 - 5 * step)).toBeCloseTo(5 + 14, 9); // mean of a plane's neighbours
  });

  it('refuses a .hgt of the wrong size, a file that is not a DEM and a projected GeoTIFF, naming each', async () => {
    const short = await readDemFile('N49E011.hgt', new Uint8Array(1000));
    expect(short.value).toBeNull();
    expect(short.errors[0]!.reason).toMatch(/"N49E011\.hgt" has 1000 bytes: an SRTM \.hgt tile has 1201 × 1201/);
    const text = await readDemFile('roads.geojson', new TextEncoder().encode('{"type":"FeatureCollection"}'));
    expect(text.errors[0]!.reason).toMatch(/"roads\.geojson" is not an elevation model/);
    const badName = await readDemFile('tile.hgt', hgtTile());
    expect(badName.errors[0]!.reason).toMatch(/not named like an SRTM tile/);
    const dir = mkdtempSync(path.join(tmpdir(), 'dem-'));
    const utm = path.join(dir, 'utm.tif');
    execFileSync('gdalwarp', ['-q', '-t_srs', 'EPSG:32632', TIF, utm]);
    const projected = await readDemFile('utm.tif', new Uint8Array(readFileSync(utm)));
    expect(projected.value).toBeNull();
    expect(projected.errors[0]!.reason).toMatch(/"utm\.tif" is in a projected coordinate system \(EPSG:32632\)/);
  });

  it('reads the north-Bayreuth GeoTIFF with the values GDAL reads at the same points', async () => {
    const r = await readDemFile('north-bayreuth-srtm.tif', new Uint8Array(readFileSync(TIF)));
    expect(r.errors).toEqual([]);
    for (const [lon, lat] of [
      [11.5, 49.95],
      [11.45, 49.91],
      [11.6, 50.05],
      [11.41, 50.09],
    ] as const) {
      // at a sample (pixel centre) bilinear equals the sample GDAL reports
      const gdal = Number(execFileSync('gdallocationinfo', ['-valonly', '-wgs84', TIF, String(lon), String(lat)]).toString());
      expect(elevationAt([r.value!], lon, lat), `${lon} ${lat}`).toBeCloseTo(gdal, 6);
    }
  });
});
