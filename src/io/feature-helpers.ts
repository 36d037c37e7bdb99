/**
 * Small helpers the readers share to look at one untrusted feature: its shape, its properties,
 * its id, numbers typed as text. Nothing here throws on bad data.
 */

/**
 * A feature as it arrives from a file (GeoJSON, CSV row turned into a feature, Shapefile record).
 * Nothing about it is trusted: readers check every member. `type` is `'Feature'` or absent.
 */
export interface FeatureLike {
  type?: unknown;
  id?: unknown;
  geometry?: unknown;
  properties?: unknown;
}

/** A feature whose outer shape was checked: an object with a properties object (maybe empty). */
export interface InspectedFeature {
  properties: Record<string, unknown>;
  geometry: unknown;
  /** `properties.id`, else the feature's `id`, as a string; null when neither is usable. */
  id: string | null;
}

/** True for a plain (non-array, non-null) object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Check the outer shape of one feature.
 *
 * @returns the feature's parts, or a reason string when it is not a feature at all
 */
export function inspectFeature(raw: unknown): InspectedFeature | string {
  const out: InspectedFeature = { properties: {}, geometry: undefined, id: null };
  return inspectFeatureInto(raw, out) ?? out;
}

/**
 * {@link inspectFeature} into an object the caller reuses from feature to feature (a reader's loop
 * allocates nothing per feature for it).
 *
 * @param raw the feature
 * @param out overwritten with the feature's parts when it is a feature
 * @returns null when it is a feature, else the reason it is not
 */
export function inspectFeatureInto(raw: unknown, out: InspectedFeature): string | null {
  if (!isObject(raw)) return `feature is ${describe(raw)}, not an object`;
  if (raw.type !== undefined && raw.type !== 'Feature') return `feature has type ${describe(raw.type)}, not "Feature"`;
  const props = raw.properties;
  if (props !== undefined && props !== null && !isObject(props)) return `properties is ${describe(props)}, not an object`;
  const properties = props ?? {};
  out.properties = properties;
  out.geometry = raw.geometry;
  out.id = idText(properties.id) ?? idText(raw.id);
  return null;
}

function idText(value: unknown): string | null {
  if (typeof value === 'string') {
    const t = value.trim();
    return t === '' ? null : t;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** Lower-case forms of property names (the same keys come back on every feature of a file). */
const lowerCase = new Map<string, string>();
/** At most this many names are kept in {@link lowerCase} (a hostile file may have a new key on every feature). */
const LOWER_CASE_CACHE_SIZE = 4096;

function lower(s: string): string {
  let l = lowerCase.get(s);
  if (l === undefined) {
    l = s.toLowerCase();
    if (lowerCase.size < LOWER_CASE_CACHE_SIZE) lowerCase.set(s, l);
  }
  return l;
}

/**
 * Per list of names (the readers pass the same constant lists): for each property name seen, whether
 * it matches one of the names case-insensitively. One map lookup per key of a feature answers the
 * usual case, a field absent from the file.
 */
const matchesByNames = new WeakMap<readonly string[], Map<string, boolean>>();

function matchesOf(names: readonly string[]): Map<string, boolean> {
  let m = matchesByNames.get(names);
  if (m === undefined) {
    m = new Map();
    matchesByNames.set(names, m);
  }
  return m;
}

/** True when `key` matches one of `names` case-insensitively (answers cached in `cache`, bounded). */
function keyMatches(key: string, names: readonly string[], cache: Map<string, boolean>): boolean {
  let hit = cache.get(key);
  if (hit === undefined) {
    const l = lower(key);
    hit = false;
    for (let i = 0; i < names.length; i++) if (lower(names[i] as string) === l) hit = true;
    if (cache.size < LOWER_CASE_CACHE_SIZE) cache.set(key, hit);
  }
  return hit;
}

/**
 * The value of the first property whose name matches one of `names` (case-insensitively, exact
 * names first). Empty strings count as missing.
 *
 * @returns the value, or undefined when none of the names is present with a value
 */
export function getProp(props: Record<string, unknown>, names: readonly string[]): unknown {
  for (const name of names) {
    const v = props[name];
    if (v !== undefined && v !== null && v !== '') return v;
  }
  // case-insensitive: none of the keys matches any name (the usual case of an absent field): done
  if (names.length > 1) {
    const cache = matchesOf(names);
    let some = false;
    for (const key in props) {
      if (keyMatches(key, names, cache)) {
        some = true;
        break;
      }
    }
    if (!some) return undefined;
  }
  // for each name, the first key (in key order) that matches it
  for (const name of names) {
    const wanted = lower(name);
    for (const key in props) {
      if (!Object.prototype.hasOwnProperty.call(props, key) || lower(key) !== wanted) continue;
      const v = props[key];
      if (v !== undefined && v !== null && v !== '') return v;
      break;
    }
  }
  return undefined;
}

/**
 * True when two items share an id. An open-addressing hash table of item indices in an Int32Array
 * (off the JavaScript heap: nothing for the garbage collector to copy or mark), keyed by a
 * 32-bit FNV-1a hash of the id's characters; equal hashes are compared as strings. One pass.
 *
 * @param items items with a string `id` (not changed)
 */
export function hasDuplicateId(items: readonly { id: string }[]): boolean {
  const n = items.length;
  if (n < 2) return false;
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  for (let i = 0; i < n; i++) {
    const id = (items[i] as { id: string }).id;
    let h = 0x811c9dc5;
    for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 0x01000193);
    let slot = h & mask;
    for (;;) {
      const j = table[slot] as number;
      if (j < 0) {
        table[slot] = i;
        break;
      }
      if ((items[j] as { id: string }).id === id) return true;
      slot = (slot + 1) & mask;
    }
  }
  return false;
}

/**
 * The id {@link inspectFeature} would give, without building anything else: `properties.id`, else the
 * feature's `id`, as a string; null when neither is usable or `raw` is not a feature.
 */
function featureId(raw: unknown): string | null {
  if (!isObject(raw) || (raw.type !== undefined && raw.type !== 'Feature')) return null;
  const props = raw.properties;
  if (props === undefined || props === null) return idText(raw.id);
  return isObject(props) ? (idText(props.id) ?? idText(raw.id)) : null;
}

/**
 * A number from a number or a numeric string: `1234`, `"1234"`, `"1,234"`, `" 12.5 "`.
 * Thousands separators must be in groups of three.
 *
 * @returns the finite number, or null for anything else (NaN, Infinity, "abc", booleans, objects)
 */
export function parseNumberLike(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (!/^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/.test(s)) return null;
  const n = Number(s.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

/** Short description of a value for messages: `null`, `a string "abc"`, `an array`, `3`. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value} (${String(value)})`;
}

/**
 * Like {@link makeIdGenerator}, but the explicit ids of `features` are gathered only when the first
 * id is generated: a file whose features all have ids pays nothing.
 */
export function lazyIdGenerator(prefix: string, features: readonly unknown[]): (index: number) => string {
  let generate: ((index: number) => string) | null = null;
  return (index) => {
    if (generate === null) {
      const explicit = new Set<string>();
      for (let i = 0; i < features.length; i++) {
        const id = featureId(features[i]);
        if (id !== null) explicit.add(id);
      }
      generate = makeIdGenerator(prefix, explicit);
    }
    return generate(index);
  };
}

/**
 * Ids for features that have none: `<prefix><index>`, with a suffix when a feature of the same file
 * already uses that id explicitly (so a generated id never collides with a given one).
 */
export function makeIdGenerator(prefix: string, explicitIds: ReadonlySet<string>): (index: number) => string {
  return (index) => {
    let id = `${prefix}${index}`;
    for (let n = 2; explicitIds.has(id); n++) id = `${prefix}${index}-${n}`;
    return id;
  };
}
