/**
 * Freeze an object and everything reachable from it, so shared data (presets) cannot be changed
 * by a caller by accident: writes throw in strict mode.
 *
 * @param value any JSON-like value
 * @returns the same value, frozen
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
