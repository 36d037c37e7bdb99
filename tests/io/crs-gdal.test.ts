/**
 * Checks the CGCS2000 Gauss–Krüger definitions and .prj recognition against GDAL's EPSG database
 * (gdal-bin, installed on CI and on the development machine).
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parsePrj } from '../../src/io/crs';
import { gaussKrugerProj4 } from '../../src/io/crs-id';

const run = promisify(execFile);
const gdalsrsinfo = async (format: string, code: number): Promise<string> =>
  (await run('gdalsrsinfo', ['-o', format, `EPSG:${code}`], { encoding: 'utf8' })).stdout.trim();
/** Runs `gdalsrsinfo` for every code, 16 processes at a time (one call takes ~0.1 s). */
async function forAll(format: string, list: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < list.length; i += 16) {
    const batch = list.slice(i, i + 16);
    (await Promise.all(batch.map((c) => gdalsrsinfo(format, c)))).forEach((text, k) => out.set(batch[k] as number, text));
  }
  return out;
}
const tokens = (def: string): string[] =>
  def
    .split(/\s+/)
    .filter((t) => t && t !== '+type=crs')
    .sort();
const codes = Array.from({ length: 4554 - 4491 + 1 }, (_, i) => 4491 + i);

describe('CGCS2000 Gauss–Krüger vs GDAL', () => {
  it('defines all 64 codes 4491–4554 exactly as GDAL does', async () => {
    const gdal = await forAll('proj4', codes);
    for (const code of codes) expect(tokens(gaussKrugerProj4(code) as string), `EPSG:${code}`).toEqual(tokens(gdal.get(code) as string));
  }, 90_000);

  it("recognises GDAL's ESRI and OGC WKT of every code as that code", async () => {
    const esri = await forAll('wkt_esri', [...codes, 4490, 4326]);
    for (const code of codes) expect(parsePrj(esri.get(code) as string), `ESRI EPSG:${code}`).toBe(`EPSG:${code}`);
    // OGC WKT1 carries the EPSG code itself; a sample of each range is enough.
    const sample = [4491, 4499, 4502, 4510, 4513, 4528, 4534, 4549, 4554];
    const wkt1 = await forAll('wkt1', sample);
    for (const code of sample) expect(parsePrj(wkt1.get(code) as string), `WKT1 EPSG:${code}`).toBe(`EPSG:${code}`);
    expect(parsePrj(esri.get(4490) as string)).toBe('CGCS2000');
    expect(parsePrj(esri.get(4326) as string)).toBe('WGS84');
    expect(parsePrj(await gdalsrsinfo('wkt2', 4528))).toBe('EPSG:4528');
  }, 90_000);
});
