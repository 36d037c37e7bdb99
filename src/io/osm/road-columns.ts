import type { NodeStore } from './node-store';
import type { OsmTags } from './osm-elements';

/**
 * The walkable ways an import keeps, in columns rather than one object per way: way `r` has the
 * node indices (after {@link RoadColumns.resolve}) `nodes[start[r]] … nodes[start[r + 1] − 1]` (indices into the {@link NodeStore}, so
 * no id is looked up twice), its OSM id, the profile's reason, and only the tag values the roads
 * layer writes (`highway`, `name`, `foot`, `bicycle`; strings shared with the decoder's table).
 */
export class RoadColumns {
  /** Number of ways. */
  count = 0;
  /** OSM way id by way. */
  ids = new Float64Array(1024);
  /** Offset of each way's first node in {@link nodes}; `start[count]` is the end. */
  start = new Int32Array(1025);
  /** Node ids of all ways, way after way, while the ways are read (emptied by {@link resolve}). */
  private refIds = new Float64Array(16384);
  /** Node indices of all ways, way after way (made by {@link resolve}). */
  nodes = new Int32Array(0);
  /** Why the foot profile keeps the way (`highway=footway`, `foot=yes` …). */
  readonly reason: string[] = [];
  /** `highway` (`platform` for railway/public_transport platforms and ferries). */
  readonly highway: string[] = [];
  readonly name: (string | null)[] = [];
  readonly foot: (string | null)[] = [];
  readonly bicycle: (string | null)[] = [];

  /** Add a way (its node ids are given indices later, by {@link resolve}). */
  add(id: number, refs: readonly number[], tags: OsmTags, reason: string): void {
    const r = this.count;
    if (r + 1 >= this.ids.length) {
      this.ids = grown(this.ids, this.ids.length * 2);
      this.start = grown(this.start, this.start.length * 2);
    }
    let at = this.start[r] as number;
    if (at + refs.length > this.refIds.length) this.refIds = grown(this.refIds, Math.max(this.refIds.length * 2, at + refs.length));
    const ids = this.refIds;
    for (let i = 0; i < refs.length; i++) ids[at++] = refs[i] as number;
    this.ids[r] = id;
    this.start[r + 1] = at;
    this.reason.push(reason);
    this.highway.push(tags.highway ?? 'platform');
    this.name.push(tags.name ?? null);
    this.foot.push(tags.foot ?? null);
    this.bicycle.push(tags.bicycle ?? null);
    this.count = r + 1;
  }

  /** Number of node refs of the ways added so far. */
  get refCount(): number {
    return this.start[this.count] as number;
  }

  /** Give every node of the ways its index in the store (in way order), after the last {@link add}. */
  resolve(store: NodeStore): void {
    const n = this.refCount;
    const ids = this.refIds;
    const nodes = new Int32Array(n);
    for (let i = 0; i < n; i++) nodes[i] = store.add(ids[i] as number);
    this.nodes = nodes;
    this.refIds = new Float64Array(0);
  }
}

function grown<T extends Float64Array | Int32Array>(a: T, length: number): T {
  const next = new (a.constructor as new (n: number) => T)(length);
  next.set(a);
  return next;
}
