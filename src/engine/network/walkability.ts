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

/** Of {@link NON_WALKABLE_HIGHWAYS}, those that explicit foot access opens (motor roads, not unbuilt ones). */
const FOOT_ACCESS_HIGHWAYS: ReadonlySet<string> = new Set(['motorway', 'motorway_link', 'trunk', 'trunk_link']);

/**
 * Whether a way with this OSM `highway` tag can be walked. Everything not listed in
 * {@link NON_WALKABLE_HIGHWAYS} is walkable, including an untagged road (`null`); a motorway or trunk
 * is walkable when the road carries explicit foot access (`foot=yes`, a sidewalk), as OSM import
 * writes it.
 *
 * @param highway the `highway` tag value, or null
 * @param footAccess whether the road has explicit foot access (default false)
 */
export function isWalkable(highway: string | null, footAccess = false): boolean {
  return highway === null || !NON_WALKABLE_HIGHWAYS.has(highway) || (footAccess && FOOT_ACCESS_HIGHWAYS.has(highway));
}
