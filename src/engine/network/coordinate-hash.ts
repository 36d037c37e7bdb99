/**
 * Interns `[lon, lat]` pairs into dense node ids: the same pair of doubles (exact match, `-0` equal
 * to `0`) always gets the same id. Open addressing on an `Int32Array`, keyed by the bits of both
 * doubles; coordinates are stored in growable `Float64Array`s. No strings, no objects per vertex.
 */
export class CoordinateHash {
  /** Longitude of each id, degrees (valid up to `size`). */
  lon: Float64Array;
  /** Latitude of each id, degrees (valid up to `size`). */
  lat: Float64Array;
  /** Number of distinct pairs so far. */
  size = 0;
  private table: Int32Array;
  private mask: number;
  private readonly scratch = new Float64Array(2);
  private readonly bits = new Uint32Array(this.scratch.buffer);

  /** @param expectedSize expected number of distinct pairs (the table grows past it) */
  constructor(expectedSize = 1024) {
    const capacity = Math.max(16, 2 ** Math.ceil(Math.log2(Math.max(1, expectedSize) * 2)));
    this.table = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
    this.lon = new Float64Array(Math.max(16, expectedSize));
    this.lat = new Float64Array(Math.max(16, expectedSize));
  }

  /**
   * Id of `[lon, lat]`, added when new.
   * @throws RangeError when a coordinate is not a finite number
   */
  intern(lon: number, lat: number): number {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
      throw new RangeError(`CoordinateHash: coordinate is not finite: [${lon}, ${lat}]`);
    }
    lon += 0; // -0 → +0, so both hash alike
    lat += 0;
    let slot = this.hash(lon, lat) & this.mask;
    for (;;) {
      const id = this.table[slot] as number;
      if (id < 0) break;
      if (this.lon[id] === lon && this.lat[id] === lat) return id;
      slot = (slot + 1) & this.mask;
    }
    const id = this.size++;
    if (id === this.lon.length) this.growStore();
    this.lon[id] = lon;
    this.lat[id] = lat;
    this.table[slot] = id;
    if (this.size * 2 > this.table.length) this.rehash();
    return id;
  }

  private hash(lon: number, lat: number): number {
    this.scratch[0] = lon;
    this.scratch[1] = lat;
    const b = this.bits;
    let h = Math.imul((b[0] as number) ^ Math.imul(b[1] as number, 0x9e3779b1), 0x85ebca6b);
    h = Math.imul(h ^ (b[2] as number) ^ Math.imul(b[3] as number, 0xc2b2ae35), 0x27d4eb2f);
    return (h ^ (h >>> 15)) >>> 0;
  }

  private growStore(): void {
    const lon = new Float64Array(this.lon.length * 2);
    const lat = new Float64Array(this.lat.length * 2);
    lon.set(this.lon);
    lat.set(this.lat);
    this.lon = lon;
    this.lat = lat;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = table.length - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = this.hash(this.lon[id] as number, this.lat[id] as number) & mask;
      while ((table[slot] as number) >= 0) slot = (slot + 1) & mask;
      table[slot] = id;
    }
    this.table = table;
    this.mask = mask;
  }
}
