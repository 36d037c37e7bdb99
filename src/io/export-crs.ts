/**
 * The coordinate systems a report can be written in, as the app offers them: the same set the
 * CLI's `--export-crs` takes (WGS84, GCJ-02, BD-09, CGCS2000 and its Gauss–Krüger projections
 * EPSG:4491–4554), with the zones that hold the data first.
 */
import { gaussKrugerCode, gaussKrugerZone, type CrsId } from './crs-id';

/** Every CGCS2000 Gauss–Krüger projection code, EPSG:4491–4554, in code order. */
const GAUSS_KRUGER_CODES: readonly number[] = Array.from({ length: 4554 - 4491 + 1 }, (_, i) => 4491 + i);

/** What a CGCS2000 Gauss–Krüger code means, or null outside 4491–4554. */
export interface GaussKrugerInfo {
  /** Zone width in degrees. */
  zoneDegrees: 3 | 6;
  /** Zone number (6°: 13–23, 3°: 25–45). */
  zone: number;
  /** Central meridian, degrees east. */
  centralMeridian: number;
  /** Whether the false easting carries the zone number (e.g. 40 500 000 m). */
  zonePrefix: boolean;
}

/** The zone of a CGCS2000 Gauss–Krüger EPSG code, or null for any other code. */
export function gaussKrugerInfo(code: number): GaussKrugerInfo | null {
  if (!Number.isInteger(code) || code < 4491 || code > 4554) return null;
  if (code <= 4501) return { zoneDegrees: 6, zone: 13 + code - 4491, centralMeridian: 6 * (13 + code - 4491) - 3, zonePrefix: true };
  if (code <= 4512) return { zoneDegrees: 6, zone: 13 + code - 4502, centralMeridian: 75 + 6 * (code - 4502), zonePrefix: false };
  if (code <= 4533) return { zoneDegrees: 3, zone: 25 + code - 4513, centralMeridian: 3 * (25 + code - 4513), zonePrefix: true };
  return { zoneDegrees: 3, zone: 25 + code - 4534, centralMeridian: 75 + 3 * (code - 4534), zonePrefix: false };
}

/**
 * The Gauss–Krüger codes whose zone holds a longitude: 3° with and without the zone prefix, then
 * 6° with and without it (none outside China's zones).
 * @param lonDegrees longitude of the data's centre, degrees east
 */
function gaussKrugerCodesAt(lonDegrees: number): number[] {
  if (!Number.isFinite(lonDegrees)) return [];
  const out: number[] = [];
  for (const deg of [3, 6] as const) {
    const zone = gaussKrugerZone(lonDegrees, deg);
    const cm = deg === 3 ? 3 * zone : 6 * zone - 3;
    for (const prefix of [true, false]) {
      const code = gaussKrugerCode(deg, cm, prefix);
      if (code !== null) out.push(code);
    }
  }
  return out;
}

/**
 * The export systems in the order the app lists them: WGS84, GCJ-02, BD-09, CGCS2000 (geographic),
 * the `extra` ones (e.g. what loaded files were read in), the Gauss–Krüger zones at the data's
 * centre, then every other Gauss–Krüger zone; each once.
 * @param centerLon longitude of the data's centre (degrees east), NaN when unknown
 * @param extra further systems to offer after the geographic ones
 */
export function exportCrsList(centerLon: number, extra: readonly CrsId[] = []): CrsId[] {
  const out: CrsId[] = ['WGS84', 'GCJ02', 'BD09', 'CGCS2000'];
  const add = (c: CrsId) => {
    if (!out.includes(c)) out.push(c);
  };
  extra.forEach(add);
  for (const code of gaussKrugerCodesAt(centerLon)) add(`EPSG:${code}`);
  for (const code of GAUSS_KRUGER_CODES) add(`EPSG:${code}`);
  return out;
}
