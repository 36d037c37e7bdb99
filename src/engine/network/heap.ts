/**
 * A binary min-heap of `(id, key)` pairs on typed arrays (ids `Uint32Array`, keys `Float64Array`),
 * in the style of mourner's flatqueue: no objects per entry, grows by doubling. Equal keys pop in
 * no particular order. Used by Dijkstra with lazy deletion (push again instead of decrease-key).
 */
export class MinHeap {
  private ids: Uint32Array;
  private keys: Float64Array;
  private length = 0;

  /** @param initialCapacity number of entries before the first growth (default 64) */
  constructor(initialCapacity = 64) {
    if (!(initialCapacity >= 1) || !Number.isInteger(initialCapacity)) {
      throw new RangeError(`MinHeap: bad initialCapacity ${initialCapacity}`);
    }
    this.ids = new Uint32Array(initialCapacity);
    this.keys = new Float64Array(initialCapacity);
  }

  /** Number of entries in the heap. */
  get size(): number {
    return this.length;
  }

  /** Removes every entry (keeps the memory). */
  clear(): void {
    this.length = 0;
  }

  /** Adds `id` (a 32-bit unsigned integer) with priority `key` (smaller pops first). */
  push(id: number, key: number): void {
    if (this.length === this.ids.length) this.grow();
    const ids = this.ids;
    const keys = this.keys;
    let pos = this.length++;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const parentKey = keys[parent] as number;
      if (key >= parentKey) break;
      ids[pos] = ids[parent] as number;
      keys[pos] = parentKey;
      pos = parent;
    }
    ids[pos] = id;
    keys[pos] = key;
  }

  /** Key of the smallest entry, or `undefined` when empty. */
  peekKey(): number | undefined {
    return this.length > 0 ? this.keys[0] : undefined;
  }

  /** Removes the entry with the smallest key and returns its id, or `undefined` when empty. */
  pop(): number | undefined {
    if (this.length === 0) return undefined;
    const ids = this.ids;
    const keys = this.keys;
    const top = ids[0];
    const last = --this.length;
    if (last > 0) {
      const id = ids[last] as number;
      const key = keys[last] as number;
      const half = last >> 1;
      let pos = 0;
      while (pos < half) {
        let child = 2 * pos + 1;
        const right = child + 1;
        if (right < last && (keys[right] as number) < (keys[child] as number)) child = right;
        const childKey = keys[child] as number;
        if (childKey >= key) break;
        ids[pos] = ids[child] as number;
        keys[pos] = childKey;
        pos = child;
      }
      ids[pos] = id;
      keys[pos] = key;
    }
    return top;
  }

  private grow(): void {
    const capacity = this.ids.length * 2;
    const ids = new Uint32Array(capacity);
    const keys = new Float64Array(capacity);
    ids.set(this.ids);
    keys.set(this.keys);
    this.ids = ids;
    this.keys = keys;
  }
}
