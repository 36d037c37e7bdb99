import type { CategoryDef } from '../../engine/model';
import { footNodeBlock, footWayDecision, type FootProfile } from '../../engine/presets/foot-profile';
import type { OsmFormat } from './detect-format';
import type { OsmScanOptions, OsmTags } from './osm-elements';
import { RURAL_PLACES, URBAN_PLACES } from './osm-import-types';
import { NodeStore } from './node-store';
import { RoadColumns } from './road-columns';
import { scanOsm } from './scan-osm';

/** A way the importer keeps, with its node refs and tags. */
export interface KeptWay {
  id: number;
  refs: readonly number[];
  tags: OsmTags;
}

/** What an area-like relation the importer keeps is for. */
export type AreaRole = 'admin' | 'place' | 'residential' | 'facility';

/** An area relation (multipolygon or boundary) with its outer and inner way ids. */
export interface KeptRelation {
  id: number;
  tags: OsmTags;
  role: AreaRole;
  category: string | null;
  outer: number[];
  inner: number[];
}

/** A tagged node the importer keeps (facility or place). */
export interface KeptNode {
  id: number;
  lon: number;
  lat: number;
  tags: OsmTags;
  category: string | null;
}

/** Everything read from the file in three passes, before layers are made. */
export interface Collected {
  counts: { nodes: number; ways: number; relations: number };
  /** The walkable ways, their nodes as indices into `nodes`. */
  roads: RoadColumns;
  skippedRoads: Record<string, number>;
  areaWays: (KeptWay & { role: AreaRole; category: string | null })[];
  /** Facilities mapped as unclosed ways (a point of the line stands for them). */
  relations: KeptRelation[];
  memberWays: Map<number, readonly number[]>;
  nodes: NodeStore;
  facilityNodes: KeptNode[];
  placeNodes: KeptNode[];
  /** Reasons of the needed nodes that cut walkable ways, by node index. */
  barriers: Map<number, string>;
}

const PLACES = new Set([...URBAN_PLACES, ...RURAL_PLACES]);
const count = (m: Record<string, number>, k: string): void => {
  m[k] = (m[k] ?? 0) + 1;
};

type TagMatcher = (tags: OsmTags) => string | null;

/**
 * The categories' `osmTags` compiled once into a lookup (key → value → category): the same answer
 * as `matchOsmTags` of io/category-mapping (exact `key=value` in category order before `key=*`,
 * `no` never matching a wildcard), without parsing the tag list for every element.
 */
function compileTagMatcher(categories: readonly CategoryDef[]): TagMatcher {
  const exact = new Map<string, Map<string, { rank: number; id: string }>>();
  const wildcard = new Map<string, { rank: number; id: string }>();
  let rank = 0;
  for (const c of categories) {
    for (const tag of c.osmTags ?? []) {
      const eq = tag.indexOf('=');
      if (eq <= 0) continue;
      const key = tag.slice(0, eq);
      const want = tag.slice(eq + 1);
      const entry = { rank: rank++, id: c.id };
      if (want === '*') {
        if (!wildcard.has(key)) wildcard.set(key, entry);
      } else {
        const m = exact.get(key) ?? new Map<string, { rank: number; id: string }>();
        if (!m.has(want)) m.set(want, entry);
        exact.set(key, m);
      }
    }
  }
  return (tags) => {
    let best: { rank: number; id: string } | null = null;
    for (const [key, values] of exact) {
      const have = tags[key];
      if (have === undefined) continue;
      const hit = values.get(have);
      if (hit && (!best || hit.rank < best.rank)) best = hit;
    }
    if (best) return best.id;
    for (const [key, entry] of wildcard) {
      const have = tags[key];
      if (have !== undefined && have !== '' && have !== 'no' && (!best || entry.rank < best.rank)) best = entry;
    }
    return best ? best.id : null;
  };
}

/** The role of an area-like element by its tags, or null. */
function areaRole(tags: OsmTags, match: TagMatcher): { role: AreaRole; category: string | null } | null {
  const category = match(tags);
  if (category !== null) return { role: 'facility', category };
  if (tags.place !== undefined && PLACES.has(tags.place)) return { role: 'place', category: null };
  if (tags.landuse === 'residential') return { role: 'residential', category: null };
  if (tags.boundary === 'administrative' && tags.name !== undefined) return { role: 'admin', category: null };
  return null;
}

const isHighwayLike = (t: OsmTags): boolean =>
  t.highway !== undefined || t.route === 'ferry' || t.railway === 'platform' || t.public_transport === 'platform';

/**
 * Read an OSM extract in three streaming passes: relations (to learn which member ways matter),
 * ways (walkable roads by the foot profile, facility/place/residential/admin areas, members), then
 * nodes, keeping coordinates only for the nodes those ways use and the tagged nodes that are
 * facilities, places or barriers.
 *
 * @param bytes the whole file
 * @param format its encoding
 * @param categories categories whose `osmTags` pick facilities
 * @param profile the foot profile
 * @param options progress (0..1 over the three passes), cancel, size limit
 */
export function collectOsm(
  bytes: Uint8Array,
  format: OsmFormat,
  categories: readonly CategoryDef[],
  profile: FootProfile,
  options: OsmScanOptions,
): Collected {
  const progress = (pass: number) => (done: number, total: number) => options.onProgress?.(pass * total + done, 3 * total);
  // the passes share what the first learns about the PBF blobs (which hold nodes, ways, relations)
  const shared: OsmScanOptions = { ...options, blobKinds: [] };
  const match = compileTagMatcher(categories);
  const relations: KeptRelation[] = [];
  const wantedWays = new Set<number>();
  const counts = { nodes: 0, ways: 0, relations: 0 };
  scanOsm(
    bytes,
    {
      relation(id, members, tags) {
        counts.relations++;
        if (tags.type !== 'multipolygon' && tags.type !== 'boundary') return;
        const r = areaRole(tags, match);
        if (r === null) return;
        const outer: number[] = [];
        const inner: number[] = [];
        for (const m of members) {
          if (m.type !== 'w') continue;
          (m.role === 'inner' ? inner : outer).push(m.ref);
          wantedWays.add(m.ref);
        }
        relations.push({ id, tags, role: r.role, category: r.category, outer, inner });
      },
    },
    { ...shared, onProgress: progress(0) },
    format,
  );
  const roads = new RoadColumns();
  const skippedRoads: Record<string, number> = {};
  const areaWays: Collected['areaWays'] = [];
  const memberWays = new Map<number, readonly number[]>();
  scanOsm(
    bytes,
    {
      way(id, refs, tags) {
        counts.ways++;
        if (isHighwayLike(tags)) {
          const d = footWayDecision(tags, profile);
          if (d.walkable) roads.add(id, refs, tags, d.reason);
          else count(skippedRoads, d.reason);
        }
        const r = areaRole(tags, match);
        if (r !== null && (r.role === 'facility' || refs[0] === refs[refs.length - 1])) {
          areaWays.push({ id, refs, tags, role: r.role, category: r.category });
        }
        if (wantedWays.has(id)) memberWays.set(id, refs);
      },
    },
    { ...shared, onProgress: progress(1) },
    format,
  );
  // the needed nodes get their indices now that all are known: the ids the ways use, sorted
  // (the roads' first, whose indices the road columns keep; then the areas' and members')
  const roadRefs = roads.refCount;
  let refs = roadRefs;
  for (const w of areaWays) refs += w.refs.length;
  for (const m of memberWays.values()) refs += m.length;
  const ids = new Float64Array(refs);
  roads.copyRefIds(ids);
  let at = roadRefs;
  const want = (r: readonly number[]): void => {
    for (let i = 0; i < r.length; i++) ids[at++] = r[i] as number;
  };
  for (const w of areaWays) want(w.refs);
  for (const m of memberWays.values()) want(m);
  roads.nodes = new Int32Array(roadRefs);
  const nodes = NodeStore.of(ids, refs, roads.nodes);
  const facilityNodes: KeptNode[] = [];
  const placeNodes: KeptNode[] = [];
  const barriers = new Map<number, string>();
  scanOsm(
    bytes,
    {
      node(id, lon, lat, tags) {
        counts.nodes++;
        const i = nodes.indexOfAscending(id);
        if (i >= 0) {
          nodes.lon[i] = lon;
          nodes.lat[i] = lat;
        }
        if (tags === null) return;
        if (i >= 0) {
          const block = footNodeBlock(tags, profile);
          if (block !== null) {
            nodes.blocked[i] = 1;
            barriers.set(i, block);
          }
        }
        const category = match(tags);
        if (category !== null) facilityNodes.push({ id, lon, lat, tags, category });
        else if (tags.place !== undefined && PLACES.has(tags.place)) placeNodes.push({ id, lon, lat, tags, category: null });
      },
    },
    { ...shared, onProgress: progress(2) },
    format,
  );
  return { counts, roads, skippedRoads, areaWays, relations, memberWays, nodes, facilityNodes, placeNodes, barriers };
}
