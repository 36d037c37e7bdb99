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
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
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

/** The lower-case names of a list of names (cached per list: the readers pass the same constant lists). */
const wantedNames = new WeakMap<readonly string[], Set<string>>();

function wantedOf(names: readonly string[]): Set<string> {
  let set = wantedNames.get(names);
  if (set === undefined) {
    set = new Set(names.map(lower));
    wantedNames.set(names, set);
  }
  return set;
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
    const wanted = wantedOf(names);
    let some = false;
    for (const key in props) {
      if (wanted.has(lower(key))) {
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
 * True when two items share an id. Sorts a copy of the ids and compares neighbours: for 100,000 ids
 * several times faster than a hash set (whose growing tables the garbage collector has to copy).
 *
 * @param items items with a string `id` (not changed)
 */
export function hasDuplicateId(items: readonly { id: string }[]): boolean {
  const ids = new Array<string>(items.length);
  for (let i = 0; i < items.length; i++) ids[i] = (items[i] as { id: string }).id;
  ids.sort();
  for (let i = 1; i < ids.length; i++) if (ids[i] === ids[i - 1]) return true;
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
