import type { CategoryDef } from '../engine/model';
import { getProp } from './feature-helpers';

/** How a file names its facility categories. */
export interface CategoryMapping {
  /** Property holding the category (id, or text to match keywords in), e.g. `设施类型`. Default: the usual fields. */
  categoryField?: string;
}

/** Fields whose exact value may be a category id, in priority order. */
const ID_FIELDS = ['category', 'type', 'kind', '类别', '类型', '设施类型'];
/** {@link ID_FIELDS} one by one, as the lists {@link getProp} takes (made once, not per feature). */
const ID_FIELD_LISTS = ID_FIELDS.map((f) => [f]);
/**
 * Lower-case category id → the first category id with it, for {@link mapCategory}: a reader makes it
 * once per file rather than once per feature.
 */
export function categoryIdIndex(categories: readonly CategoryDef[]): ReadonlyMap<string, string> {
  const m = new Map<string, string>();
  for (const c of categories) {
    const lower = c.id.toLowerCase();
    if (!m.has(lower)) m.set(lower, c.id);
  }
  return m;
}

/** Fields searched for keywords, in priority order (type-like fields before names). */
const KEYWORD_FIELDS = ['category', 'type', 'kind', '类别', '类型', '设施类型', 'name', 'name:zh', 'name:en', '名称'];

/**
 * The category id of a facility from its properties, trying in order:
 * 1. the value of the category field (`mapping.categoryField`, else `category`, `type`, …) equal to
 *    a category id (case and surrounding space ignored);
 * 2. OSM tags of the categories (`amenity=clinic`; exact values before `key=*`);
 * 3. keywords found in the category field, else in the usual fields (`category`, `type`, `name`, …):
 *    the first field with a match decides; within it the longest keyword wins (so
 *    `社区卫生服务中心` is a clinic, not a `服务中心`), ties go to the earlier category.
 *    Chinese keywords match substrings; Latin keywords match whole words (`sport` matches
 *    `sports_centre` but not `transport`).
 *
 * @param props feature properties (not changed)
 * @param categories the active categories, in settings order
 * @param mapping where the category is, when not in the usual fields
 * @param byLowerId {@link categoryIdIndex} of `categories` (made here when not given)
 * @returns a category id, or null when nothing matches
 */
export function mapCategory(
  props: Record<string, unknown>,
  categories: readonly CategoryDef[],
  mapping?: CategoryMapping,
  byLowerId: ReadonlyMap<string, string> = categoryIdIndex(categories),
): string | null {
  const field = mapping?.categoryField;
  const idFields = field ? [[field]] : ID_FIELD_LISTS;
  for (let i = 0; i < idFields.length; i++) {
    const v = getProp(props, idFields[i] as readonly string[]);
    if (typeof v !== 'string' && typeof v !== 'number') continue;
    const hit = byLowerId.get(String(v).trim().toLowerCase());
    if (hit !== undefined) return hit;
  }
  const byTag = matchOsmTags(props, categories);
  if (byTag) return byTag;
  for (const f of field ? [field] : KEYWORD_FIELDS) {
    const v = getProp(props, [f]);
    if (typeof v !== 'string' && typeof v !== 'number') continue;
    const hit = matchKeywords(String(v), categories);
    if (hit) return hit;
  }
  return null;
}

function matchOsmTags(props: Record<string, unknown>, categories: readonly CategoryDef[]): string | null {
  for (const wildcard of [false, true]) {
    for (const c of categories) {
      for (const tag of c.osmTags ?? []) {
        const eq = tag.indexOf('=');
        if (eq <= 0) continue;
        const key = tag.slice(0, eq);
        const want = tag.slice(eq + 1);
        const have = props[key];
        if (typeof have !== 'string' || have === '') continue;
        if (wildcard ? want === '*' && have !== 'no' : want === have) return c.id;
      }
    }
  }
  return null;
}

/** The category whose longest keyword occurs in `text`, or null. */
export function matchKeywords(text: string, categories: readonly CategoryDef[]): string | null {
  const lower = text.toLowerCase();
  const words = ` ${lower
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ')} `;
  let best: string | null = null;
  let bestLength = 0;
  for (const c of categories) {
    for (const keyword of c.keywords ?? []) {
      const k = keyword.toLowerCase().trim();
      if (k.length <= bestLength) continue;
      if (containsKeyword(lower, words, k)) {
        best = c.id;
        bestLength = k.length;
      }
    }
  }
  return best;
}

function containsKeyword(lower: string, words: string, keyword: string): boolean {
  if (keyword === '') return false;
  // Latin keywords: whole words (plural -s/-es allowed); everything else: substring.
  if (/^[a-z0-9 ]+$/.test(keyword)) {
    const k = keyword.split(/\s+/).join(' ');
    return words.includes(` ${k} `) || words.includes(` ${k}s `) || words.includes(` ${k}es `);
  }
  return lower.includes(keyword);
}
