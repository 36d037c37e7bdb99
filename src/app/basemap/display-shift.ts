/**
 * The one display transform of the map: when the base map is drawn in GCJ-02, every overlay is
 * shown shifted from WGS84 to GCJ-02 so that it lines up with the streets, and screen positions
 * (clicks, drags) are shifted back. Only the picture moves: the engine, the numbers and the exports
 * stay in WGS84. The forward formula is gcoord's arithmetic (io/gcj02.ts, the same bits); the inverse
 * is its fixed-point iteration (to about 1e-10°, far below the 0.5 m a drag must land within). Not
 * io/crs.ts: that brings proj4, which the map does not need.
 */
import { gcj02ToWgs84, wgs84ToGcj02 } from '../../io/gcj02';

/** A display transform and its inverse, both `[lon, lat]` degrees. */
export interface DisplayShift {
  /** Stable name (used as a deck.gl update trigger). */
  id: string;
  /** WGS84 → displayed coordinates. */
  toDisplay(lon: number, lat: number): [number, number];
  /** Displayed coordinates → WGS84. */
  fromDisplay(x: number, y: number): [number, number];
}

/** WGS84 shown as GCJ-02 (identity outside gcoord's China box; non-finite input is passed through). */
export const GCJ02_DISPLAY: DisplayShift = {
  id: 'gcj02',
  toDisplay: (lon, lat) => (Number.isFinite(lon) && Number.isFinite(lat) ? wgs84ToGcj02(lon, lat) : [lon, lat]),
  fromDisplay: (x, y) => (Number.isFinite(x) && Number.isFinite(y) ? gcj02ToWgs84(x, y) : [x, y]),
};

/** `toDisplay` of `shift`, or the identity when null. */
export function toDisplay(shift: DisplayShift | null, lon: number, lat: number): [number, number] {
  return shift ? shift.toDisplay(lon, lat) : [lon, lat];
}

/** `fromDisplay` of `shift`, or the identity when null. */
export function fromDisplay(shift: DisplayShift | null, x: number, y: number): [number, number] {
  return shift ? shift.fromDisplay(x, y) : [x, y];
}
