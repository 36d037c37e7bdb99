import type { OsmTags } from './osm-elements';

/** Node ids per chunk of {@link RoadColumns}' ids while the ways are read (8 MB). */
const CHUNK = 1 << 20;

/**
 * The walkable ways an import keeps, in columns rather than one object per way: way `r` has the
 * node indices (set once the ways are read) `nodes[start[r]] … nodes[start[r + 1] − 1]` (indices into the {@link NodeStore}, so
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
  /**
   * Node ids of all ways, way after way, while the ways are read, in chunks of {@link CHUNK} (no
   * array grown and copied by doubling; copied out once by {@link copyRefIds}).
   */
  private chunks: Float64Array[] = [];
  /** Node indices of all ways, way after way (into the {@link NodeStore}; set after the ways are read). */
  nodes = new Int32Array(0);
  /** Why the foot profile keeps the way (`highway=footway`, `foot=yes` …). */
  readonly reason: string[] = [];
  /** `highway` (`platform` for railway/public_transport platforms and ferries). */
  readonly highway: string[] = [];
  readonly name: (string | null)[] = [];
  readonly foot: (string | null)[] = [];
  readonly bicycle: (string | null)[] = [];

  /** Add a way (its node ids are given indices once all ways are read). */
  add(id: number, refs: readonly number[], tags: OsmTags, reason: string): void {
    const r = this.count;
    if (r + 1 >= this.ids.length) {
      this.ids = grown(this.ids, this.ids.length * 2);
      this.start = grown(this.start, this.start.length * 2);
    }
    const first = this.start[r] as number;
    for (let i = 0, at = first; i < refs.length;) {
      // the part of the refs that fits in the chunk of `at`
      const c = (at / CHUNK) | 0;
      const chunk = this.chunks[c] ?? (this.chunks[c] = new Float64Array(CHUNK));
      const off = at - c * CHUNK;
      const m = Math.min(refs.length - i, CHUNK - off);
      for (let k = 0; k < m; k++) chunk[off + k] = refs[i + k] as number;
      i += m;
      at += m;
    }
    this.ids[r] = id;
    this.start[r + 1] = first + refs.length;
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

  /**
   * Copy the node ids of the ways added so far, way after way (`refCount` of them), to the start of
   * `into` and let them go: the caller gives them their indices ({@link NodeStore.of}) and sets
   * {@link nodes}.
   */
  copyRefIds(into: Float64Array): void {
    const n = this.refCount;
    for (let c = 0; c * CHUNK < n; c++) into.set(this.chunks[c]!.subarray(0, Math.min(CHUNK, n - c * CHUNK)), c * CHUNK);
    this.chunks = [];
  }
}

function grown<T extends Float64Array | Int32Array>(a: T, length: number): T {
  const next = new (a.constructor as new (n: number) => T)(length);
  next.set(a);
  return next;
}
