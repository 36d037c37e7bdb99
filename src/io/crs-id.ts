/**
 * Coordinate reference system ids and the arithmetic of the CGCS2000 Gauss–Krüger codes, without
 * proj4: what the UI needs to list and name systems (the conversions are in ./crs.ts, loaded only
 * where coordinates are converted).
 */

/** A coordinate reference system id. */
export type CrsId = 'WGS84' | 'CGCS2000' | 'GCJ02' | 'BD09' | `EPSG:${number}` | `PROJ:${string}`;

/** Coordinates `[x, y]`: lon/lat in degrees for geographic systems, easting/northing in metres else. */
export type XY = [number, number];

/**
 * The proj4 definition of a CGCS2000 Gauss–Krüger projection EPSG:4491–4554, or null for other codes.
 * 4491–4501: 6° zones 13–23 with the zone number in the false easting (zone×10⁶ + 500 000 m);
 * 4502–4512: 6° zones by central meridian 75°E…135°E, false easting 500 000 m;
 * 4513–4533: 3° zones 25–45 with the zone prefix; 4534–4554: 3° zones by central meridian 75°E…135°E.
 * A 6° zone n has its central meridian at 6n − 3 °E, a 3° zone n at 3n °E. Scale 1, GRS80 ellipsoid.
 */
export function gaussKrugerProj4(code: number): string | null {
  let cm: number;
  let zone = 0;
  if (!Number.isInteger(code)) return null;
  if (code >= 4491 && code <= 4501) {
    zone = 13 + code - 4491;
    cm = 6 * zone - 3;
  } else if (code >= 4502 && code <= 4512) cm = 75 + 6 * (code - 4502);
  else if (code >= 4513 && code <= 4533) {
    zone = 25 + code - 4513;
    cm = 3 * zone;
  } else if (code >= 4534 && code <= 4554) cm = 75 + 3 * (code - 4534);
  else return null;
  const x0 = zone * 1e6 + 500000;
  return `+proj=tmerc +lat_0=0 +lon_0=${cm} +k=1 +x_0=${x0} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
}

/**
 * The EPSG code of a CGCS2000 Gauss–Krüger projection, or null when no code matches.
 * @param zoneDegrees 3 or 6 (zone width)
 * @param centralMeridian central meridian in degrees east
 * @param zonePrefix whether the false easting carries the zone number (e.g. 40 500 000 m)
 */
export function gaussKrugerCode(zoneDegrees: 3 | 6, centralMeridian: number, zonePrefix: boolean): number | null {
  if (zoneDegrees === 6) {
    const zone = (centralMeridian + 3) / 6;
    if (!Number.isInteger(zone) || zone < 13 || zone > 23) return null;
    return zonePrefix ? 4491 + zone - 13 : 4502 + zone - 13;
  }
  const zone = centralMeridian / 3;
  if (!Number.isInteger(zone) || zone < 25 || zone > 45) return null;
  return zonePrefix ? 4513 + zone - 25 : 4534 + zone - 25;
}

/**
 * The Gauss–Krüger zone number containing a longitude: 3° zones are centred on multiples of 3°
 * (zone = round(lon / 3)), 6° zones start at 0° (zone = floor(lon / 6) + 1). Ningbo's centre at
 * 121.55°E lies in 3° zone 41 (CM 123°E) but the city straddles 121.5°E, the border with zone 40.
 */
export function gaussKrugerZone(lonDegrees: number, zoneDegrees: 3 | 6): number {
  return zoneDegrees === 3 ? Math.round(lonDegrees / 3) : Math.floor(lonDegrees / 6) + 1;
}

/** A short name of a CRS for messages: the id, or the start of a `PROJ:` definition. */
export function crsLabel(crs: CrsId): string {
  return crs.startsWith('PROJ:') && crs.length > 50 ? `${crs.slice(0, 48)}…` : crs;
}
