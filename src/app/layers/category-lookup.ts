/**
 * Category styles of the active settings (their labels and colours), falling back to the preset's
 * style (grey with the raw id for an id nobody knows). Memoised per categories array.
 */
import type { CategoryDef } from '../../engine/model';
import { categoryStyle, categoryStyles, type CategoryStyle } from '../category-style';

/** Style of a category id. */
export type CategoryLookup = (id: string) => CategoryStyle;

const cache = new WeakMap<readonly CategoryDef[], CategoryLookup>();

/**
 * A lookup from category id to style for the given categories (settings order), or the preset's
 * styles when `categories` is null (before the engine answered).
 */
export function categoryLookup(categories: readonly CategoryDef[] | null | undefined): CategoryLookup {
  if (!categories) return categoryStyle;
  const hit = cache.get(categories);
  if (hit) return hit;
  const byId = new Map(categoryStyles(categories).map((s) => [s.id, s]));
  const lookup: CategoryLookup = (id) => byId.get(id) ?? categoryStyle(id);
  cache.set(categories, lookup);
  return lookup;
}
