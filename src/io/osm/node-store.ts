/** First capacity of the id table (slots; a power of two). */
const FIRST_CAPACITY = 1 << 12;

/**
 * Coordinates of the nodes an import needs, and nothing else. Once the ways are read, each needed
 * node id gets an index ({@link add}: an open-addressing hash table of float64 ids, linear probing,
 * at most half full, id and index side by side); then {@link seal} makes lon/lat in parallel Float64Arrays (NaN until the node
 * is seen) and the node pass fills them ({@link indexOf}). Memory: 32 to 64 bytes of table per
 * needed node (64 right after the table doubles) plus 17 bytes of coordinates and flags, whatever the extract holds; no object per node.
 */
export class NodeStore {
  /** The table: per slot, the id and the node index + 1 (0 for an empty slot), side by side (one cache line per probe). */
  private table = new Float64Array(2 * FIRST_CAPACITY);
  private mask = FIRST_CAPACITY - 1;
  /** Number of needed nodes (indices are 0 … size − 1). */
  size = 0;
  /** Longitude by node index, degrees (NaN until the node is seen); empty before {@link seal}. */
  lon = new Float64Array(0);
  /** Latitude by node index, degrees (NaN until the node is seen); empty before {@link seal}. */
  lat = new Float64Array(0);
  /** Needed nodes that cut walkable ways (barriers), by index; empty before {@link seal}. */
  blocked = new Uint8Array(0);

  /** The index of a needed node id, given a new one the first time (before {@link seal}). */
  add(id: number): number {
    const t = this.table;
    const mask = this.mask;
    let s = slotOf(id) & mask;
    for (;;) {
      const v = t[2 * s + 1] as number;
      if (v === 0) break;
      if (t[2 * s] === id) return v - 1;
      s = (s + 1) & mask;
    }
    t[2 * s] = id;
    t[2 * s + 1] = ++this.size;
    if (this.size * 2 > mask + 1) this.grow();
    return this.size - 1;
  }

  /**
   * Make room for the ids to come when at most `refs` of them (repeats counted) will be added: the
   * table takes the next power of two ≥ `refs` slots at once (when every node is used twice, as on a
   * street grid, the size it would reach by doubling; otherwise at most one doubling is left).
   */
  reserve(refs: number): void {
    let capacity = this.mask + 1;
    while (capacity < refs) capacity *= 2;
    if (capacity > this.mask + 1) this.rehash(capacity);
  }

  /** Make the coordinate arrays for the nodes added so far. */
  seal(): void {
    this.lon = new Float64Array(this.size).fill(NaN);
    this.lat = new Float64Array(this.size).fill(NaN);
    this.blocked = new Uint8Array(this.size);
  }

  /** Index of a node id, or -1 when it is not needed. */
  indexOf(id: number): number {
    const t = this.table;
    const mask = this.mask;
    let s = slotOf(id) & mask;
    for (;;) {
      const v = t[2 * s + 1] as number;
      if (v === 0) return -1;
      if (t[2 * s] === id) return v - 1;
      s = (s + 1) & mask;
    }
  }

  /** Whether the node at this index was seen in the file. */
  has(index: number): boolean {
    return index >= 0 && !Number.isNaN(this.lon[index]);
  }

  private grow(): void {
    this.rehash(2 * (this.mask + 1));
  }

  /** Move the entries into a table of `capacity` slots (a power of two). */
  private rehash(capacity: number): void {
    const old = this.table;
    const t = new Float64Array(2 * capacity);
    const mask = capacity - 1;
    for (let i = 0; i < old.length; i += 2) {
      const v = old[i + 1] as number;
      if (v === 0) continue;
      const id = old[i] as number;
      let s = slotOf(id) & mask;
      while (t[2 * s + 1] !== 0) s = (s + 1) & mask;
      t[2 * s] = id;
      t[2 * s + 1] = v;
    }
    this.table = t;
    this.mask = mask;
  }
}

/**
 * The table slot of an integer id up to ±2^53 (before masking): the high and low 32-bit words
 * mixed by multiplication with odd constants and an xor-shift. (An identity-like hash would keep
 * runs of consecutive ids in consecutive slots, but while the table is smaller than the id range
 * the runs wrap onto each other and linear probing degrades to a scan: measured 70 s instead of
 * 1 s on the 3 M-element bench grid.)
 */
function slotOf(id: number): number {
  const lo = id >>> 0;
  const hi = Math.floor(id / 4294967296) | 0;
  const h = Math.imul(lo ^ Math.imul(hi, 0x27d4eb2d), 0x9e3779b1);
  return h ^ (h >>> 16);
}
