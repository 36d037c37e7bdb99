import type { Feature, Geometry } from 'geojson';
import { haversineMeters } from '../../engine/geo/haversine';
import type { AreaFilter } from './area-filter';
import { pointOnArea, relationArea, wayArea, type AreaShape } from './area-geometry';
import { osmName } from './build-facilities';
import type { AreaRole, Collected } from './collect-osm';
import type { OsmTags } from './osm-elements';
import { URBAN_PLACES, type PopulationDensity } from './osm-import-types';
import { inRings } from './rings';

/** A residential area is given to the nearest place within this many metres (else it is rural). */
const PLACE_REACH_METERS = 3000;

interface Area {
  osmId: string;
  tags: OsmTags;
  shape: AreaShape;
  at: [number, number];
}

interface Place {
  osmId: string;
  tags: OsmTags;
  kind: 'urban' | 'rural';
  at: [number, number];
  shape: AreaShape | null;
  residential: number;
  residentialM2: number;
}

/** Communities built from places and residential areas, with counts for the report. */
export interface BuiltCommunities {
  features: Feature[];
  estimated: number;
  fromPlaces: number;
  fromResidential: number;
  withDistrict: number;
  skippedByReason: Record<string, number>;
}

/** Options of {@link buildCommunities}. */
export interface CommunityOptions {
  lang: 'zh' | 'en';
  density: PopulationDensity;
  placePopulation: Record<string, number>;
  filter: AreaFilter;
}

function populationTag(tags: OsmTags): number | null {
  const v = tags.population?.replace(/[,\s]/g, '');
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : null;
}

/**
 * Communities in the communities input shape (`id`, `name`, `kind`, `population`,
 * `population_source`, `district`, `place`, `osm_id`):
 *
 * - every `landuse=residential` area (closed way or multipolygon) is a community; it belongs to the
 *   place area holding it, else the nearest place node within 3 km, whose kind (urban for city,
 *   town, suburb, quarter, neighbourhood; rural for village, hamlet, isolated_dwelling) it takes
 *   (rural when none); its name is its own or its place's;
 * - a place with no residential area of its own is a community itself (its area, else its point);
 *   one with residential areas is represented by them, so no one is counted twice;
 * - population: `population=*` of the area where tagged; else the `population=*` of its place shared
 *   among the place's residential areas by area (`population_source: "osm"` in both cases); else
 *   estimated, marked `population_source: "estimated"`: area × density of the kind, and for a place
 *   point without residential areas the default per `place` value;
 * - `district`: the name of the smallest `boundary=administrative` area holding its representative point.
 */
export function buildCommunities(c: Collected, opts: CommunityOptions, problems: string[]): BuiltCommunities {
  const skippedByReason: Record<string, number> = {};
  const skip = (osmId: string, reason: string): void => {
    skippedByReason[reason] = (skippedByReason[reason] ?? 0) + 1;
    if (reason !== 'outside the area') problems.push(`community ${osmId}: ${reason} (skipped)`);
  };
  const areas: Record<Exclude<AreaRole, 'facility'>, Area[]> = { admin: [], place: [], residential: [] };
  const collect = (osmId: string, tags: OsmTags, role: AreaRole, shape: AreaShape | string): void => {
    if (role === 'facility') return;
    if (typeof shape === 'string') {
      if (role === 'admin') return;
      skip(osmId, shape);
      return;
    }
    areas[role].push({ osmId, tags, shape, at: role === 'admin' ? [0, 0] : pointOnArea(shape.geometry) });
  };
  for (const w of c.areaWays) if (w.role !== 'facility') collect(`w${w.id}`, w.tags, w.role, wayArea(w.refs, c.nodes));
  for (const r of c.relations) if (r.role !== 'facility') collect(`r${r.id}`, r.tags, r.role, relationArea(r, c));
  const kindOf = (tags: OsmTags): 'urban' | 'rural' => (URBAN_PLACES.includes(tags.place ?? '') ? 'urban' : 'rural');
  const places: Place[] = [
    ...areas.place.map((a) => ({
      osmId: a.osmId,
      tags: a.tags,
      kind: kindOf(a.tags),
      at: a.at,
      shape: a.shape,
      residential: 0,
      residentialM2: 0,
    })),
    ...c.placeNodes.map((n) => ({
      osmId: `n${n.id}`,
      tags: n.tags,
      kind: kindOf(n.tags),
      at: [n.lon, n.lat] as [number, number],
      shape: null,
      residential: 0,
      residentialM2: 0,
    })),
  ];
  const placeAreasBySize = places.filter((p) => p.shape).sort((a, b) => (a.shape as AreaShape).areaM2 - (b.shape as AreaShape).areaM2);
  const placeOf = (at: [number, number]): Place | null => {
    const holder = placeAreasBySize.find((p) => inRings(at[0], at[1], (p.shape as AreaShape).rings));
    if (holder) return holder;
    let best: Place | null = null;
    let bestD = PLACE_REACH_METERS;
    for (const p of places) {
      if (p.shape) continue;
      const d = haversineMeters(at[0], at[1], p.at[0], p.at[1]);
      if (d <= bestD) [best, bestD] = [p, d];
    }
    return best;
  };
  const admins = [...areas.admin].sort((a, b) => a.shape.areaM2 - b.shape.areaM2);
  const districtOf = (at: [number, number]): string | null => admins.find((a) => inRings(at[0], at[1], a.shape.rings))?.tags.name ?? null;
  const features: Feature[] = [];
  const out = { estimated: 0, fromPlaces: 0, fromResidential: 0, withDistrict: 0 };
  const emit = (
    osmId: string,
    name: string,
    kind: 'urban' | 'rural',
    population: number,
    estimated: boolean,
    place: string | null,
    at: [number, number],
    geometry: Geometry,
  ): void => {
    if (!opts.filter.contains(at[0], at[1])) return skip(osmId, 'outside the area');
    const district = districtOf(at);
    if (estimated) out.estimated++;
    if (district !== null) out.withDistrict++;
    features.push({
      type: 'Feature',
      properties: { id: osmId, name, kind, population, population_source: estimated ? 'estimated' : 'osm', district, place, osm_id: osmId },
      geometry,
    });
  };
  const assigned = areas.residential.map((a) => {
    const place = placeOf(a.at);
    if (place) {
      place.residential++;
      place.residentialM2 += a.shape.areaM2;
    }
    return place;
  });
  areas.residential.forEach((a, i) => {
    const place = assigned[i] ?? null;
    const kind = place?.kind ?? 'rural';
    const own = populationTag(a.tags);
    const placePop = place ? populationTag(place.tags) : null;
    // a place's own population=* is shared among its residential areas by area; else area × density
    const shared = own === null && placePop !== null && place ? Math.round((placePop * a.shape.areaM2) / place.residentialM2) : null;
    const population = own ?? shared ?? Math.round((a.shape.areaM2 / 1e6) * opts.density[kind]);
    const name = osmName(a.tags, opts.lang) || (place ? osmName(place.tags, opts.lang) : '');
    const before = features.length;
    emit(
      a.osmId,
      name,
      kind,
      population,
      own === null && shared === null,
      place ? (place.tags.place ?? null) : null,
      a.at,
      a.shape.geometry,
    );
    if (features.length > before) out.fromResidential++;
  });
  for (const p of places) {
    if (p.residential > 0) {
      skippedByReason['place represented by its residential areas'] =
        (skippedByReason['place represented by its residential areas'] ?? 0) + 1;
      continue;
    }
    const tagged = populationTag(p.tags);
    const estimate = p.shape ? Math.round((p.shape.areaM2 / 1e6) * opts.density[p.kind]) : (opts.placePopulation[p.tags.place ?? ''] ?? 0);
    const geometry: Geometry = p.shape ? p.shape.geometry : { type: 'Point', coordinates: p.at };
    const before = features.length;
    emit(p.osmId, osmName(p.tags, opts.lang), p.kind, tagged ?? estimate, tagged === null, p.tags.place ?? null, p.at, geometry);
    if (features.length > before) out.fromPlaces++;
  }
  return { features, ...out, skippedByReason };
}
