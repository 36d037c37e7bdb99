/**
 * Position of the cell `(x, y)` along a Hilbert curve over a 65536 × 65536 grid (16 bits per axis),
 * so that cells near on the curve are near in the plane. Same curve as flatbush's `hilbert`
 * (Warren's branch-free form), returned unsigned.
 *
 * @param x integer column, 0–65535
 * @param y integer row, 0–65535
 * @returns curve position, 0 – 2³² − 1
 */
export function hilbertIndex(x: number, y: number): number {
  let a = x ^ y;
  let b = 0xffff ^ a;
  let c = 0xffff ^ (x | y);
  let d = x & (y ^ 0xffff);

  let A = a | (b >> 1);
  let B = (a >> 1) ^ a;
  let C = c ^ ((c >> 1) ^ (b & (d >> 1)));
  let D = d ^ ((a & (c >> 1)) ^ (d >> 1));

  a = (A & (A >> 2)) ^ (B & (B >> 2));
  b = (A & (B >> 2)) ^ (B & ((A ^ B) >> 2));
  c = C ^ ((A & (C >> 2)) ^ (B & (D >> 2)));
  d = D ^ ((B & (C >> 2)) ^ ((A ^ B) & (D >> 2)));

  A = (a & (a >> 4)) ^ (b & (b >> 4));
  B = (a & (b >> 4)) ^ (b & ((a ^ b) >> 4));
  C = c ^ ((a & (c >> 4)) ^ (b & (d >> 4)));
  D = d ^ ((b & (c >> 4)) ^ ((a ^ b) & (d >> 4)));

  c = C ^ ((A & (C >> 8)) ^ (B & (D >> 8)));
  d = D ^ ((B & (C >> 8)) ^ ((A ^ B) & (D >> 8)));

  c ^= c >> 1;
  d ^= d >> 1;
  a = x ^ y;
  b = d | (0xffff ^ (a | c));

  a = (a | (a << 8)) & 0x00ff00ff;
  a = (a | (a << 4)) & 0x0f0f0f0f;
  a = (a | (a << 2)) & 0x33333333;
  a = (a | (a << 1)) & 0x55555555;

  b = (b | (b << 8)) & 0x00ff00ff;
  b = (b | (b << 4)) & 0x0f0f0f0f;
  b = (b | (b << 2)) & 0x33333333;
  b = (b | (b << 1)) & 0x55555555;

  return ((b << 1) | a) >>> 0;
}

/**
 * Points sorted along a Hilbert curve over their bounding box (16 bits per axis): `order[k]` is
 * the index of the k-th point on the curve. Points in the same grid cell keep their index order,
 * so the result depends only on the coordinates. Two-pass radix sort (16-bit digits): O(count).
 *
 * @param x first coordinate of each point (e.g. longitude); not mutated
 * @param y second coordinate of each point (e.g. latitude); not mutated
 * @param count number of points to order (default `x.length`)
 * @throws RangeError when `count` exceeds either array or a coordinate is not finite
 */
export function hilbertOrder(x: ArrayLike<number>, y: ArrayLike<number>, count = x.length): Uint32Array {
  if (!(count >= 0 && count <= x.length && count <= y.length)) {
    throw new RangeError(`hilbertOrder: count ${count} exceeds the arrays (${x.length}, ${y.length})`);
  }
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < count; i++) {
    const px = x[i] as number;
    const py = y[i] as number;
    if (!Number.isFinite(px) || !Number.isFinite(py)) throw new RangeError(`hilbertOrder: point ${i} is not finite: [${px}, ${py}]`);
    if (px < minX) minX = px;
    if (px > maxX) maxX = px;
    if (py < minY) minY = py;
    if (py > maxY) maxY = py;
  }
  const scaleX = maxX > minX ? 0xffff / (maxX - minX) : 0;
  const scaleY = maxY > minY ? 0xffff / (maxY - minY) : 0;
  const keys = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const cx = Math.floor(((x[i] as number) - minX) * scaleX);
    const cy = Math.floor(((y[i] as number) - minY) * scaleY);
    keys[i] = hilbertIndex(cx, cy);
  }

  // LSD radix sort of the indices by key: low 16 bits, then high 16 bits (both passes stable)
  const counts = new Uint32Array(0x10000);
  const low = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const digit = (keys[i] as number) & 0xffff;
    counts[digit] = (counts[digit] as number) + 1;
  }
  prefixSum(counts);
  for (let i = 0; i < count; i++) {
    const digit = (keys[i] as number) & 0xffff;
    const at = counts[digit] as number;
    counts[digit] = at + 1;
    low[at] = i;
  }
  counts.fill(0);
  for (let i = 0; i < count; i++) {
    const digit = (keys[i] as number) >>> 16;
    counts[digit] = (counts[digit] as number) + 1;
  }
  prefixSum(counts);
  const order = new Uint32Array(count);
  for (let k = 0; k < count; k++) {
    const i = low[k] as number;
    const digit = (keys[i] as number) >>> 16;
    const at = counts[digit] as number;
    counts[digit] = at + 1;
    order[at] = i;
  }
  return order;
}

/** Exclusive prefix sum in place: each entry becomes the sum of those before it. */
function prefixSum(counts: Uint32Array): void {
  let sum = 0;
  for (let d = 0; d < counts.length; d++) {
    const c = counts[d] as number;
    counts[d] = sum;
    sum += c;
  }
}
