/**
 * Coordinates of the nodes an import needs, and nothing else: ids sorted in a Float64Array,
 * lon/lat in parallel Float64Arrays (NaN until the node is seen). Memory is 24 bytes per needed
 * node, whatever the extract holds.
 */
export class NodeStore {
  readonly ids: Float64Array;
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  /** Needed nodes that cut walkable ways (barriers), by index. */
  readonly blocked: Uint8Array;

  /**
   * @param wanted node ids (any order, repeats allowed); copied
   */
  constructor(wanted: Float64Array) {
    const sorted = Float64Array.from(wanted).sort();
    let n = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i] as number;
    this.ids = sorted.slice(0, n);
    this.lon = new Float64Array(n).fill(NaN);
    this.lat = new Float64Array(n).fill(NaN);
    this.blocked = new Uint8Array(n);
  }

  /** Index of a node id, or -1 when it is not needed. */
  indexOf(id: number): number {
    const ids = this.ids;
    let lo = 0;
    let hi = ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = ids[mid] as number;
      if (v < id) lo = mid + 1;
      else if (v > id) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /**
   * {@link indexOf} trying first the indices next to `hint` (a way's nodes often have consecutive
   * ids), then the binary search.
   */
  indexNear(id: number, hint: number): number {
    const ids = this.ids;
    if (hint >= 0) {
      if (ids[hint + 1] === id) return hint + 1;
      if (ids[hint - 1] === id) return hint - 1;
      if (ids[hint] === id) return hint;
    }
    return this.indexOf(id);
  }

  /** Whether the node at this index was seen in the file. */
  has(index: number): boolean {
    return index >= 0 && !Number.isNaN(this.lon[index]);
  }
}

/** A growable list of float64 values (node ids) without an object per value. */
export class IdList {
  private data = new Float64Array(1024);
  length = 0;

  /** Add values. */
  push(values: readonly number[]): void {
    if (this.length + values.length > this.data.length) {
      const next = new Float64Array(Math.max(this.data.length * 2, this.length + values.length));
      next.set(this.data.subarray(0, this.length));
      this.data = next;
    }
    for (let i = 0; i < values.length; i++) this.data[this.length++] = values[i] as number;
  }

  /** The values so far (a view, valid until the next push). */
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}
