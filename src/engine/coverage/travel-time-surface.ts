import type { Dataset, Settings } from '../model';
import { KIND_RURAL, KIND_URBAN } from '../model';
import type { TravelModel } from '../travel/travel-model';
import { makeRasterGrid, type RasterGrid } from './raster-grid';

/** Seconds to the nearest facility of one category at every cell centre of a raster. */
export interface TravelTimeSurface {
  category: string;
  grid: RasterGrid;
  /** Per cell (index `x + y·width`), seconds; `Infinity` where nothing is reachable (off-network). */
  seconds: Float32Array;
}

/**
 * The travel-time surface of a category for the heat layer and isochrones: the same travel model as
 * the coverage (a cell centre is a point like a demand sample), at the walking speed of `kind`.
 *
 * @param travel the analysis' travel model
 * @param dataset facilities are taken from here
 * @param settings categories
 * @param categoryId which category
 * @param bbox `[minLon, minLat, maxLon, maxLat]` to cover (usually the data's extent)
 * @param cellMeters cell size in metres (default 200; grows to keep at most `maxCells`)
 * @param kind walking speed of urban (default) or rural residents
 * @param maxCells cap on cells (default 250,000, enough for a city at 200 m)
 */
export function travelTimeSurface(
  travel: TravelModel,
  dataset: Dataset,
  settings: Settings,
  categoryId: string,
  bbox: readonly [number, number, number, number],
  cellMeters = 200,
  kind: 'urban' | 'rural' = 'urban',
  maxCells = 250_000,
): TravelTimeSurface {
  if (!settings.categories.some((c) => c.id === categoryId)) throw new Error(`travelTimeSurface: unknown category "${categoryId}"`);
  const grid = makeRasterGrid(bbox, cellMeters, maxCells);
  const n = grid.width * grid.height;
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let y = 0; y < grid.height; y++) {
    for (let x = 0; x < grid.width; x++) {
      lon[x + y * grid.width] = grid.lon0 + (x + 0.5) * grid.dLon;
      lat[x + y * grid.width] = grid.lat0 + (y + 0.5) * grid.dLat;
    }
  }
  const kinds = new Uint8Array(n).fill(kind === 'rural' ? KIND_RURAL : KIND_URBAN);
  const idx: number[] = [];
  for (const f of dataset.facilities) if (f.category === categoryId) idx.push(f.index);
  const field = travel.accessField(categoryId, Uint32Array.from(idx), { lon, lat, kind: kinds });
  return { category: categoryId, grid, seconds: field.seconds };
}
