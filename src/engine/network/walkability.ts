/** OSM `highway` values that walking may not use (motor roads, unbuilt or disused ways). */
const NON_WALKABLE_HIGHWAYS: ReadonlySet<string> = new Set([
  'motorway',
  'motorway_link',
  'trunk',
  'trunk_link',
  'construction',
  'proposed',
  'raceway',
  'bus_guideway',
  'abandoned',
]);

/**
 * Whether a way with this OSM `highway` tag can be walked. Everything not listed in
 * {@link NON_WALKABLE_HIGHWAYS} is walkable, including an untagged road (`null`).
 *
 * @param highway the `highway` tag value, or null
 */
export function isWalkable(highway: string | null): boolean {
  return highway === null || !NON_WALKABLE_HIGHWAYS.has(highway);
}
