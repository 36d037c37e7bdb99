/**
 * Polygon helpers of the OSM importer: rings assembled from way members, ring area, point in
 * polygon. Positions are `[lon, lat]` degrees.
 */

/** A closed ring of positions, first = last. */
export type Ring = [number, number][];

/**
 * Join ways (lists of node ids) end to end into closed rings, the way OSM multipolygons are
 * assembled: each ring is followed from a way through ways sharing an end node until it closes.
 *
 * @param ways node id lists of the member ways (not changed)
 * @returns the closed rings as node id lists, and how many ways could not be closed into a ring
 */
export function joinRings(ways: readonly (readonly number[])[]): { rings: number[][]; open: number } {
  const unused = ways.filter((w) => w.length >= 2).map((w) => [...w]);
  const rings: number[][] = [];
  let open = 0;
  while (unused.length > 0) {
    const ring = unused.shift() as number[];
    let grew = true;
    while (ring[0] !== ring[ring.length - 1] && grew) {
      grew = false;
      const end = ring[ring.length - 1];
      for (let i = 0; i < unused.length; i++) {
        const w = unused[i] as number[];
        if (w[0] === end) ring.push(...w.slice(1));
        else if (w[w.length - 1] === end) ring.push(...w.slice(0, -1).reverse());
        else continue;
        unused.splice(i, 1);
        grew = true;
        break;
      }
    }
    if (ring[0] === ring[ring.length - 1] && ring.length >= 4) rings.push(ring);
    else open++;
  }
  return { rings, open };
}

/** Area of a ring in square metres (equirectangular at the ring's mean latitude; fine for communities). */
export function ringAreaM2(ring: Ring): number {
  let lat0 = 0;
  for (const p of ring) lat0 += p[1];
  lat0 /= ring.length;
  const kx = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  const ky = 110_574;
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as [number, number];
    const b = ring[i + 1] as [number, number];
    s += a[0] * kx * (b[1] * ky) - b[0] * kx * (a[1] * ky);
  }
  return Math.abs(s) / 2;
}

/** Whether a point lies inside a ring (even–odd rule). */
export function inRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i] as [number, number];
    const b = ring[j] as [number, number];
    if (a[1] > lat !== b[1] > lat && lon < ((b[0] - a[0]) * (lat - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

/** Whether a point lies inside polygons given as rings (outer and inner alike, even–odd). */
export function inRings(lon: number, lat: number, rings: readonly Ring[]): boolean {
  let inside = false;
  for (const r of rings) if (inRing(lon, lat, r)) inside = !inside;
  return inside;
}

/** Counter-clockwise outer rings, clockwise holes (RFC 7946's right-hand rule). */
export function orient(ring: Ring, outer: boolean): Ring {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as [number, number];
    const b = ring[i + 1] as [number, number];
    s += (b[0] - a[0]) * (b[1] + a[1]);
  }
  const ccw = s < 0;
  return ccw === outer ? ring : [...ring].reverse();
}
