import { inRings, type Ring } from './rings';

/** Which positions an import keeps: inside a bbox and/or a boundary polygon (everything by default). */
export interface AreaFilter {
  contains(lon: number, lat: number): boolean;
}

/**
 * The filter of `--bbox W,S,E,N` and `--boundary` (rings, even–odd).
 *
 * @param bbox `[west, south, east, north]` degrees, or undefined
 * @param boundary polygon rings `[lon, lat]`, or undefined
 */
export function makeAreaFilter(bbox?: readonly [number, number, number, number], boundary?: readonly Ring[]): AreaFilter {
  return {
    contains(lon, lat) {
      if (bbox && (lon < bbox[0] || lat < bbox[1] || lon > bbox[2] || lat > bbox[3])) return false;
      if (boundary && !inRings(lon, lat, boundary)) return false;
      return true;
    },
  };
}
