/**
 * The travel-time heat grid of the selected category: store.surface (a lon/lat raster of seconds to
 * the nearest facility) drawn as one BitmapLayer image, built once per surface.
 */
import { COORDINATE_SYSTEM } from '@deck.gl/core';
import { BitmapLayer } from '@deck.gl/layers';
import type { Rgb } from '../category-style';
import type { SurfaceState } from '../store';

/** Colour stops of the heat ramp by minutes (yellow near → purple far); beyond the last, its colour. */
export const HEAT_STOPS: readonly { minutes: number; rgb: Rgb }[] = Object.freeze([
  { minutes: 0, rgb: [253, 231, 37] },
  { minutes: 10, rgb: [94, 201, 98] },
  { minutes: 20, rgb: [33, 145, 140] },
  { minutes: 30, rgb: [59, 82, 139] },
  { minutes: 45, rgb: [68, 1, 84] },
] as { minutes: number; rgb: Rgb }[]);

/** Opacity 0–255 of reachable heat cells (unreachable cells are transparent). */
export const HEAT_ALPHA = 170;

/** Colour of a travel time in minutes on {@link HEAT_STOPS} (linear between stops, clamped, rounded). */
export function heatColor(minutes: number): Rgb {
  const m = Math.max(0, minutes);
  for (let i = 1; i < HEAT_STOPS.length; i++) {
    const a = HEAT_STOPS[i - 1]!;
    const b = HEAT_STOPS[i]!;
    if (m <= b.minutes) {
      const t = (m - a.minutes) / (b.minutes - a.minutes);
      return [0, 1, 2].map((j) => Math.round(a.rgb[j]! + (b.rgb[j]! - a.rgb[j]!) * t)) as Rgb;
    }
  }
  return HEAT_STOPS[HEAT_STOPS.length - 1]!.rgb;
}

/** An RGBA image (row 0 is the north edge), as ImageData wants it. */
export interface HeatImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

const imageCache = new WeakMap<SurfaceState, HeatImage>();

/**
 * RGBA pixels of a surface: pixel `(x, height-1-y)` is cell `(x, y)` (grid rows run south to north,
 * image rows north to south) coloured by {@link heatColor} of its minutes at {@link HEAT_ALPHA};
 * unreachable (non-finite) cells are fully transparent. Memoised per surface object.
 */
export function heatImage(surface: SurfaceState): HeatImage {
  const hit = imageCache.get(surface);
  if (hit) return hit;
  const { width, height } = surface.grid;
  if (surface.seconds.length !== width * height)
    throw new Error(`heatImage: ${surface.seconds.length} values for a ${width}×${height} grid`);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const s = surface.seconds[x + y * width]!;
      if (!Number.isFinite(s)) continue;
      const o = (x + (height - 1 - y) * width) * 4;
      const c = heatColor(s / 60);
      data[o] = c[0];
      data[o + 1] = c[1];
      data[o + 2] = c[2];
      data[o + 3] = HEAT_ALPHA;
    }
  }
  const img = { width, height, data };
  imageCache.set(surface, img);
  return img;
}

/** `[west, south, east, north]` of a surface grid in degrees (cell edges). */
export function heatBounds(surface: SurfaceState): [number, number, number, number] {
  const g = surface.grid;
  return [g.lon0, g.lat0, g.lon0 + g.width * g.dLon, g.lat0 + g.height * g.dLat];
}

/**
 * Seconds of the cell under an image pixel `[x, y]` (as deck.gl reports in `info.bitmap.pixel`), or
 * null outside the image.
 */
export function heatSecondsAt(surface: SurfaceState, pixel: readonly [number, number]): number | null {
  const { width, height } = surface.grid;
  const x = Math.floor(pixel[0]);
  const y = height - 1 - Math.floor(pixel[1]);
  if (x < 0 || x >= width || y < 0 || y >= height) return null;
  return surface.seconds[x + y * width]!;
}

const textures = new WeakMap<HeatImage, ImageData>();

/** The heat layer (id `heat`), or null when hidden or before the surface of the category arrived. */
export function heatLayer(surface: SurfaceState | null, categoryId: string, visible: boolean): BitmapLayer | null {
  if (!visible || !surface || surface.category !== categoryId) return null;
  const img = heatImage(surface);
  let image: ImageData | HeatImage = img;
  if (typeof ImageData !== 'undefined') {
    // the browser; Node (unit tests) keeps the plain pixels
    let data = textures.get(img);
    if (!data) textures.set(img, (data = new ImageData(img.data as Uint8ClampedArray<ArrayBuffer>, img.width, img.height)));
    image = data;
  }
  return new BitmapLayer({
    id: 'heat',
    image: image as ImageData,
    bounds: heatBounds(surface),
    _imageCoordinateSystem: COORDINATE_SYSTEM.LNGLAT, // the grid is regular in degrees, not in Web Mercator
    textureParameters: { minFilter: 'nearest', magFilter: 'nearest' },
    pickable: false, // picked on the CPU from the data (app/picking), never by a deck.gl picking pass
  });
}
