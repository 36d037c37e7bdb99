/**
 * What many tests share: the real data copied into the repository, and a deep freeze so a test
 * fails when code under test mutates its input.
 */
import path from 'node:path';

/**
 * North Bayreuth (Germany) in the project's input shape: `roads.geojson`, `facilities.geojson`,
 * `communities.geojson`, `settings.json`. From OpenStreetMap, © OpenStreetMap contributors, ODbL
 * (see `tests/fixtures/real/README.md`).
 */
export const NORTH_BAYREUTH = path.resolve(__dirname, '../fixtures/real/north-bayreuth');

/** A file of the north Bayreuth fixture, e.g. `northBayreuth('roads.geojson')`. */
export const northBayreuth = (name: string): string => path.join(NORTH_BAYREUTH, name);

/**
 * Freeze a value and everything reachable from it, so writes throw in strict mode. Typed arrays
 * are left as they are (they cannot be frozen while they hold elements).
 *
 * @param value any JSON-like value, possibly holding typed arrays
 * @returns the same value
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
