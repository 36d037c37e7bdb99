import type Flatbush from 'flatbush';

/**
 * The packed tree of a finished Flatbush index, read from its public serialized buffer
 * (`index.data`, the bytes `Flatbush.from` accepts) rather than from its private fields.
 * Format v3 (flatbush 4.x): an 8-byte header (0xfb, version << 4 | array type, u16 node size,
 * u32 item count), then 4 coordinates per node (items first, then each level up to the root),
 * then one index per node (item id for items, position of the first child for parents).
 */
export interface FlatbushLayout {
  /** `[minX, minY, maxX, maxY]` per node, items first; units of the index. */
  boxes: Float64Array;
  /** Per node: the item id (items) or the box position of its first child (parent nodes). */
  indices: Uint16Array | Uint32Array;
  /** End (box position, 4 per node) of each level, items first, root last. */
  levelBounds: readonly number[];
  nodeSize: number;
  numItems: number;
}

/** The serialized format version this reader understands (flatbush 4.x writes 3). */
const FLATBUSH_FORMAT_VERSION = 3;
/** Position of `Float64Array` in Flatbush's list of array types (the header's low nibble). */
const FLOAT64_TYPE = 8;

const cache = new WeakMap<Flatbush, FlatbushLayout>();

/**
 * Views on the tree of a finished Float64 Flatbush index (no copy; cached per index).
 *
 * @param index a Flatbush index after `finish()`, with the default `Float64Array` coordinates
 * @throws Error when the buffer is not Flatbush format v3 with float64 coordinates (a flatbush
 *   upgrade changed the format: this reader and `searchLeaves` must be checked against it)
 */
export function flatbushLayout(index: Flatbush): FlatbushLayout {
  const hit = cache.get(index);
  if (hit) return hit;
  const { data, byteOffset } = index;
  const [magic, versionAndType] = new Uint8Array(data, byteOffset, 2);
  const nodeSize = new Uint16Array(data, byteOffset + 2, 1)[0]!;
  const numItems = new Uint32Array(data, byteOffset + 4, 1)[0]!;
  if (magic !== 0xfb || versionAndType! >> 4 !== FLATBUSH_FORMAT_VERSION || (versionAndType! & 0x0f) !== FLOAT64_TYPE) {
    throw new Error(
      `flatbushLayout: unexpected Flatbush buffer (magic ${magic}, version/type ${versionAndType}); expected format v${FLATBUSH_FORMAT_VERSION} with Float64Array`,
    );
  }
  if (nodeSize !== index.nodeSize || numItems !== index.numItems) throw new Error('flatbushLayout: header does not match the index');
  let n = numItems;
  let numNodes = n;
  const levelBounds = [n * 4];
  do {
    n = Math.ceil(n / nodeSize);
    numNodes += n;
    levelBounds.push(numNodes * 4);
  } while (n !== 1);
  const boxes = new Float64Array(data, byteOffset + 8, numNodes * 4);
  const indicesOffset = byteOffset + 8 + numNodes * 4 * Float64Array.BYTES_PER_ELEMENT;
  const indices = numNodes < 16384 ? new Uint16Array(data, indicesOffset, numNodes) : new Uint32Array(data, indicesOffset, numNodes);
  const layout = { boxes, indices, levelBounds, nodeSize, numItems };
  cache.set(index, layout);
  return layout;
}
