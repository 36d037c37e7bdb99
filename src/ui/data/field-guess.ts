/**
 * Which columns of a file the readers use when the user chose none: the same names, in the same
 * order, as io/read-facilities, io/category-mapping and io/read-communities look for (matched
 * case-insensitively). The mapping step shows them as the "automatic" choice.
 */

/** Columns tried for a facility's category (by id, then keywords; the name last). */
export const CATEGORY_FIELDS: readonly string[] = ['category', 'type', 'kind', '类别', '类型', '设施类型', 'name', 'name:zh', 'name:en', '名称'];
/** Columns tried for a facility's capacity. */
export const CAPACITY_FIELDS: readonly string[] = ['capacity', '容量', '床位', '托位'];
/** Columns tried for a community's population. */
export const POPULATION_FIELDS: readonly string[] = ['population', 'pop', '人口', '人口数', '常住人口'];
/** Columns tried for a community's kind (urban/rural). */
export const KIND_FIELDS: readonly string[] = ['kind', '类型', '城乡', '城乡类型', 'urban_rural'];

/**
 * The file's columns that the automatic choice would read, in the order tried.
 * @param fields the file's columns (as written)
 * @param candidates names tried, in order
 * @returns the matching columns as the file writes them
 */
export function autoFields(fields: readonly string[], candidates: readonly string[]): string[] {
  const out: string[] = [];
  for (const c of candidates) {
    const hit = fields.find((f) => f.toLowerCase() === c.toLowerCase());
    if (hit !== undefined && !out.includes(hit)) out.push(hit);
  }
  return out;
}
