import type { Community, CommunityGeometry, CommunityKind, Problem, ReadResult } from '../engine/model';
import { checkPosition, checkPositionList } from './coordinate-checks';
import { checkCommunityPolygon } from './polygon-checks';
import { describe, getProp, inspectFeature, isObject, makeIdGenerator, parseNumberLike, type FeatureLike } from './feature-helpers';

/** How a file names community fields, when not by the usual names. */
export interface CommunityMapping {
  /** Property holding the population (default: `population`, `pop`, `人口`, …). */
  populationField?: string;
  /** Property holding urban/rural (default: `kind`, `类型`, `城乡`, …). */
  kindField?: string;
  /** Kind for features without one (default: none, a missing kind is an error). */
  defaultKind?: CommunityKind;
}

const URBAN = new Set(['urban', 'city', 'town', 'suburb', '城市', '社区', '城镇', '城市社区', '街道', '城区']);
const RURAL = new Set(['rural', 'village', 'hamlet', 'countryside', '农村', '村', '乡村', '农村社区', '行政村', '村庄', '乡', '镇乡']);

/**
 * Urban or rural from text: `urban`/`城市`/`社区`/`城镇`… → urban, `rural`/`农村`/`村`/`乡村`… → rural
 * (case and spaces ignored; compound Chinese values decided by 村/乡 first, then 城/社区/街道).
 *
 * @returns the kind, or null when the text says neither
 */
export function parseKind(value: unknown): CommunityKind | null {
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase();
  if (URBAN.has(v)) return 'urban';
  if (RURAL.has(v)) return 'rural';
  if (/[村乡]/.test(v)) return 'rural';
  if (/城|社区|街道/.test(v)) return 'urban';
  return null;
}

/**
 * Read communities (residential areas, villages) from features.
 *
 * - Geometry: Point, Polygon or MultiPolygon, kept as given in 2D; unclosed rings are closed
 *   (warning); a ring with fewer than 4 positions, or any invalid coordinate → error. A bow-tie,
 *   a polygon without area or a hole outside its outer ring → warning ({@link checkCommunityPolygon}
 *   says what is kept).
 * - `population` required, a number ≥ 0 (numeric text like "1,234" accepted); missing, null,
 *   negative, NaN or non-numeric → error with the value.
 * - `kind` required (see {@link parseKind}) unless `mapping.defaultKind` is given.
 * - `name` optional (default ""); `id` from `properties.id` or the feature id, else `C<index>`;
 *   a repeated id → error on the later feature.
 *
 * Never throws on bad data; never changes `features`.
 *
 * @returns communities with `index` 0..n-1 in file order
 */
export function readCommunities(features: readonly FeatureLike[], file: string, mapping?: CommunityMapping): ReadResult<Community[]> {
  const warnings: Problem[] = [];
  const errors: Problem[] = [];
  const value: Community[] = [];
  const inspected = features.map((f) => inspectFeature(f));
  const explicit = new Set<string>();
  for (const f of inspected) if (typeof f !== 'string' && f.id !== null) explicit.add(f.id);
  const generateId = makeIdGenerator('C', explicit);
  const seen = new Map<string, number>();
  const popFields = mapping?.populationField ? [mapping.populationField] : ['population', 'pop', '人口', '人口数', '常住人口'];
  const kindFields = mapping?.kindField ? [mapping.kindField] : ['kind', '类型', '城乡', '城乡类型', 'urban_rural'];

  for (let index = 0; index < inspected.length; index++) {
    const f = inspected[index] as (typeof inspected)[number];
    if (typeof f === 'string') { errors.push({ file, index, reason: f }); continue; }
    const id = f.id ?? generateId(index);
    const problem = (reason: string): Problem => ({ file, index, id, reason });
    const props = f.properties;

    const geom = communityGeometry(f.geometry);
    if (typeof geom === 'string') { errors.push(problem(geom)); continue; }

    const rawPop = getProp(props, popFields);
    const population = parseNumberLike(rawPop);
    if (population === null || population < 0) {
      errors.push(problem(`population ${describe(rawPop)} is not a number ≥ 0 (field ${popFields.join(' / ')})`));
      continue;
    }
    const rawKind = getProp(props, kindFields);
    let kind = parseKind(rawKind);
    if (kind === null) {
      if (rawKind === undefined && mapping?.defaultKind) kind = mapping.defaultKind;
      else {
        errors.push(problem(`kind ${describe(rawKind)} is neither urban (urban, 城市, 社区, 城镇) nor rural (rural, 农村, 村, 乡村)`));
        continue;
      }
    }
    const previous = seen.get(id);
    if (previous !== undefined) { errors.push(problem(`duplicate id "${id}" (also feature ${previous})`)); continue; }
    seen.set(id, index);

    if (geom.closed > 0) warnings.push(problem(`${geom.closed} polygon ring(s) were not closed; closed them`));
    const checked = checkCommunityPolygon(geom.geometry);
    for (const reason of checked.reasons) warnings.push(problem(reason));
    const rawName = getProp(props, ['name', '名称', 'name:zh']);
    const name = typeof rawName === 'string' || typeof rawName === 'number' ? String(rawName) : '';
    value.push({ index: value.length, id, name, kind, population, geometry: checked.geometry });
  }
  return { value, warnings, errors };
}

type GeometryOrReason = { geometry: CommunityGeometry; closed: number } | string;

function communityGeometry(geometry: unknown): GeometryOrReason {
  if (geometry === null || geometry === undefined) return `geometry is ${describe(geometry)}`;
  if (!isObject(geometry)) return `geometry is ${describe(geometry)}, not an object`;
  const coords = geometry.coordinates;
  let closed = 0;
  const polygon = (rings: unknown, where: string): [number, number][][] | string => {
    if (!Array.isArray(rings) || rings.length === 0) return `${where}has no rings`;
    const out: [number, number][][] = [];
    for (let r = 0; r < rings.length; r++) {
      const list = checkPositionList(rings[r], 1);
      if (typeof list === 'string') return `${where}ring ${r} ${list}`;
      const first = list[0] as [number, number];
      const last = list[list.length - 1] as [number, number];
      if (first[0] !== last[0] || first[1] !== last[1]) { list.push([first[0], first[1]]); closed++; }
      if (list.length < 4) return `${where}ring ${r} has ${list.length} positions once closed, needs at least 4`;
      out.push(list);
    }
    return out;
  };
  switch (geometry.type) {
    case 'Point': {
      const p = checkPosition(coords);
      return typeof p === 'string' ? p : { geometry: { type: 'Point', coordinates: p }, closed };
    }
    case 'Polygon': {
      const p = polygon(coords, 'Polygon ');
      return typeof p === 'string' ? p : { geometry: { type: 'Polygon', coordinates: p }, closed };
    }
    case 'MultiPolygon': {
      if (!Array.isArray(coords) || coords.length === 0) return 'MultiPolygon has no polygons';
      const polys: [number, number][][][] = [];
      for (let i = 0; i < coords.length; i++) {
        const p = polygon(coords[i], `MultiPolygon part ${i} `);
        if (typeof p === 'string') return p;
        polys.push(p);
      }
      return { geometry: { type: 'MultiPolygon', coordinates: polys }, closed };
    }
    default:
      return `geometry type ${describe(geometry.type)} is not a community (Point, Polygon or MultiPolygon)`;
  }
}
