import type { Feature, Point } from 'geojson';
import type { AreaFilter } from './area-filter';
import { pointOnArea, positionsOf, relationArea, wayArea } from './area-geometry';
import type { Collected } from './collect-osm';
import type { OsmTags } from './osm-elements';

/** The name of an element in a UI language: `name:zh` / `name:en` first, then `name`, else ''. */
export function osmName(tags: OsmTags, lang: 'zh' | 'en'): string {
  const own = lang === 'zh' ? (tags['name:zh'] ?? tags['name:zh-Hans']) : tags['name:en'];
  return own ?? tags.name ?? '';
}

function capacityOf(tags: OsmTags): number | null {
  const v = tags.capacity;
  if (v === undefined || !/^\s*\d+\s*$/.test(v)) return null;
  return Number(v);
}

/** Facilities built from tagged nodes, ways and relations, with counts for the report. */
export interface BuiltFacilities {
  features: Feature<Point>[];
  byCategory: Record<string, number>;
  skippedByReason: Record<string, number>;
}

/**
 * Facilities in the facilities input shape (`id`, `name`, `category`, `capacity`, `osm_id`): tagged
 * nodes as they are, areas (closed ways, multipolygons) as a point on their surface, an unclosed
 * way by its middle vertex. Elements with nodes missing, broken rings or outside the area filter are
 * skipped and counted.
 */
export function buildFacilities(c: Collected, lang: 'zh' | 'en', filter: AreaFilter, problems: string[]): BuiltFacilities {
  const features: Feature<Point>[] = [];
  const byCategory: Record<string, number> = {};
  const skippedByReason: Record<string, number> = {};
  const skip = (osmId: string, reason: string): void => {
    skippedByReason[reason] = (skippedByReason[reason] ?? 0) + 1;
    if (reason !== 'outside the area') problems.push(`facility ${osmId}: ${reason} (skipped)`);
  };
  const add = (osmId: string, tags: OsmTags, category: string, at: [number, number]): void => {
    if (!filter.contains(at[0], at[1])) return skip(osmId, 'outside the area');
    byCategory[category] = (byCategory[category] ?? 0) + 1;
    features.push({
      type: 'Feature',
      properties: { id: osmId, name: osmName(tags, lang), category, capacity: capacityOf(tags), osm_id: osmId },
      geometry: { type: 'Point', coordinates: at },
    });
  };
  for (const n of c.facilityNodes) add(`n${n.id}`, n.tags, n.category as string, [n.lon, n.lat]);
  for (const w of c.areaWays) {
    if (w.role !== 'facility' || w.category === null) continue;
    const closed = w.refs.length >= 4 && w.refs[0] === w.refs[w.refs.length - 1];
    if (closed) {
      const a = wayArea(w.refs, c.nodes);
      if (typeof a === 'string') skip(`w${w.id}`, a);
      else add(`w${w.id}`, w.tags, w.category, pointOnArea(a.geometry));
    } else {
      const pos = positionsOf(w.refs, c.nodes);
      if (!pos) skip(`w${w.id}`, 'nodes missing from the file');
      else add(`w${w.id}`, w.tags, w.category, pos[Math.floor(pos.length / 2)] as [number, number]);
    }
  }
  for (const r of c.relations) {
    if (r.role !== 'facility' || r.category === null) continue;
    const a = relationArea(r, c);
    if (typeof a === 'string') skip(`r${r.id}`, a);
    else add(`r${r.id}`, r.tags, r.category, pointOnArea(a.geometry));
  }
  return { features, byCategory, skippedByReason };
}
