/**
 * The coordinate systems a user can choose for a file: WGS84, CGCS2000, GCJ-02, BD-09 and the
 * CGCS2000 Gauss–Krüger projections EPSG:4491–4554 (src/io/crs.ts defines them), grouped for a
 * `<select>`. Pure data: labels are i18n keys with their parameters.
 */
import type { CrsId } from '../../io/crs';

/** One choice: its CRS id and how to label it (`workspace.crsName.<key>` with `params`). */
export interface CrsOption {
  id: CrsId;
  key: 'WGS84' | 'CGCS2000' | 'GCJ02' | 'BD09' | 'gk3Prefix' | 'gk3' | 'gk6Prefix' | 'gk6';
  params: { code?: string; zone?: number; cm?: number };
}

/** A group of choices (`workspace.crsGroup.<group>`). */
export interface CrsOptionGroup {
  group: 'geographic' | 'gk3Prefix' | 'gk3' | 'gk6Prefix' | 'gk6';
  options: CrsOption[];
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * Every choice, in groups. 3° zones come first (what Chinese city surveys use); EPSG:4513–4533 are
 * 3° zones 25–45 with the zone number in the easting (central meridian 3 × zone), 4534–4554 the
 * same meridians 75°E…135°E without it; 4491–4501 are 6° zones 13–23 (central meridian 6 × zone − 3)
 * with the zone number, 4502–4512 the same without it.
 */
export const CRS_OPTION_GROUPS: readonly CrsOptionGroup[] = Object.freeze([
  { group: 'geographic', options: (['WGS84', 'CGCS2000', 'GCJ02', 'BD09'] as const).map((id) => ({ id, key: id, params: {} })) },
  { group: 'gk3Prefix', options: range(4513, 4533).map((code) => ({ id: `EPSG:${code}` as CrsId, key: 'gk3Prefix' as const, params: { code: `EPSG:${code}`, zone: 25 + code - 4513, cm: 3 * (25 + code - 4513) } })) },
  { group: 'gk3', options: range(4534, 4554).map((code) => ({ id: `EPSG:${code}` as CrsId, key: 'gk3' as const, params: { code: `EPSG:${code}`, cm: 75 + 3 * (code - 4534) } })) },
  { group: 'gk6Prefix', options: range(4491, 4501).map((code) => ({ id: `EPSG:${code}` as CrsId, key: 'gk6Prefix' as const, params: { code: `EPSG:${code}`, zone: 13 + code - 4491, cm: 6 * (13 + code - 4491) - 3 } })) },
  { group: 'gk6', options: range(4502, 4512).map((code) => ({ id: `EPSG:${code}` as CrsId, key: 'gk6' as const, params: { code: `EPSG:${code}`, cm: 75 + 6 * (code - 4502) } })) },
] satisfies CrsOptionGroup[]);

/** The listed choice with this id, or null (e.g. a `PROJ:` definition from a .prj, or EPSG:32651). */
export function findCrsOption(id: string): CrsOption | null {
  for (const g of CRS_OPTION_GROUPS) for (const o of g.options) if (o.id === id) return o;
  return null;
}
