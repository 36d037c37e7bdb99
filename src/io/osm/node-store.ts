import { sortIds } from './radix-sort';

/**
 * Coordinates of the nodes an import needs, and nothing else. Once the ways are read, the node ids
 * they use (repeats allowed) are sorted ({@link NodeStore.of}, a radix sort): each distinct id's
 * index is its rank, the ids are kept ascending in one Float64Array, and lon/lat are parallel
 * Float64Arrays (NaN until the node is seen) that the node pass fills. An extract lists its nodes in
 * ascending id order, so the node pass finds each index by walking the ids alongside
 * ({@link indexOfAscending}) instead of a lookup with a cache miss per node; any other order falls
 * back to a binary search. Memory: 25 bytes per needed node kept (id, coordinates, flag), 32 bytes per
 * way node while sorting; no object per node.
 */
export class NodeStore {
  /** Number of needed nodes (indices are 0 … size − 1). */
  readonly size: number;
  /** Longitude by node index, degrees (NaN until the node is seen). */
  readonly lon: Float64Array;
  /** Latitude by node index, degrees (NaN until the node is seen). */
  readonly lat: Float64Array;
  /** Needed nodes that cut walkable ways (barriers), by index. */
  readonly blocked: Uint8Array;
  /** Where {@link indexOfAscending} looks first: the index after the last id it found or passed. */
  private next = 0;

  private constructor(private readonly ids: Float64Array) {
    this.size = ids.length;
    this.lon = new Float64Array(this.size).fill(NaN);
    this.lat = new Float64Array(this.size).fill(NaN);
    this.blocked = new Uint8Array(this.size);
  }

  /**
   * The store of the node ids `refs[0 … n − 1]` (repeats allowed).
   * @param out when given, `out[i]` is set to the index of `refs[i]` for every `i < out.length`
   */
  static of(refs: Float64Array, n: number, out?: Int32Array): NodeStore {
    const { sorted, order } = sortIds(refs, n);
    let distinct = 0;
    for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
    const ids = new Float64Array(distinct);
    const wanted = out ? out.length : 0;
    let k = -1;
    for (let i = 0; i < n; i++) {
      const id = sorted[i] as number;
      if (i === 0 || id !== sorted[i - 1]) ids[++k] = id;
      const from = order[i] as number;
      if (from < wanted) out![from] = k;
    }
    return new NodeStore(ids);
  }

  /** Index of a node id, or -1 when it is not needed (a binary search). */
  indexOf(id: number): number {
    const a = lowerBound(this.ids, id);
    return a < this.ids.length && this.ids[a] === id ? a : -1;
  }

  /**
   * Index of a node id, or -1 when it is not needed: the same as {@link indexOf}, in constant time
   * per call when the ids asked come in ascending order (the nodes of an extract), by walking on from
   * the previous answer; an id lower than the previous one is searched for.
   */
  indexOfAscending(id: number): number {
    const { ids } = this;
    let i = this.next;
    if (i > 0 && (ids[i - 1] as number) >= id) i = lowerBound(ids, id);
    else {
      // a short walk first (the next needed id is usually close), then a binary search for long gaps
      const end = Math.min(ids.length, i + 8);
      while (i < end && (ids[i] as number) < id) i++;
      if (i === end && i < ids.length && (ids[i] as number) < id) i = lowerBound(ids, id, i);
    }
    if (i < ids.length && ids[i] === id) {
      this.next = i + 1;
      return i;
    }
    this.next = i;
    return -1;
  }

  /** Whether the node at this index was seen in the file. */
  has(index: number): boolean {
    return index >= 0 && !Number.isNaN(this.lon[index]);
  }
}

/** The first position in ascending `ids` (from `from`) whose id is at least `id`. */
function lowerBound(ids: Float64Array, id: number, from = 0): number {
  let a = from;
  let b = ids.length;
  while (a < b) {
    const m = (a + b) >>> 1;
    if ((ids[m] as number) < id) a = m + 1;
    else b = m;
  }
  return a;
}
