import { isochrones } from '../coverage/isochrones';
import { makeRasterGrid, METERS_PER_DEGREE } from '../coverage/raster-grid';
import { KIND_RURAL, KIND_URBAN, type CategoryDef, type Settings } from '../model';
import type { TravelModel } from '../travel/travel-model';
import { walkSpeedsMetersPerSecond } from '../travel/travel-model';
import { categoryLegs, legSettings } from '../travel/category-modes';
import { createSiteReach } from './site-reach';

/** The area a proposed site serves within its category's threshold, as a GeoJSON MultiPolygon (WGS84). */
export interface SiteServiceArea {
  /** The threshold drawn, seconds (the category's threshold of `kind`). */
  seconds: number;
  /** Polygons of the area (RFC 7946 winding); empty when the site serves no one (off-network). */
  multiPolygon: [number, number][][][];
}

/** Options of {@link siteServiceArea}. */
export interface SiteServiceAreaOptions {
  /** Whose walking speed and threshold: urban (default) or rural residents. */
  kind?: 'urban' | 'rural';
  /** Raster cell of the contour, metres (default 50; grows to keep at most `maxCells`). */
  cellMeters?: number;
  /** Cap on raster cells (default 40,000). */
  maxCells?: number;
}

/**
 * The service area of ONE new site of a category, measured exactly as the analysis would measure a
 * facility there: a raster of points around the site (cell centres) is reached with the site-reach
 * query of the travel model (network: Dijkstra from the site's snap over the roads; straight line:
 * haversine × detour ÷ speed, i.e. a circle of radius threshold × speed ÷ detour), and the cells
 * within the threshold are contoured (d3-contour, as the analysis' isochrones). The raster spans the
 * largest distance the threshold allows (threshold × walking speed, metres) plus one cell, so no
 * reachable point is cut off.
 *
 * @param travel the analysis' travel model
 * @param category thresholds (minutes per kind)
 * @param settings walking speeds (km/h), detour factor, maxSnapMeters
 * @param lon site longitude, degrees
 * @param lat site latitude, degrees
 * @param options kind (default urban), cellMeters (default 50), maxCells (default 40,000)
 */
export function siteServiceArea(
  travel: TravelModel,
  category: CategoryDef,
  settings: Settings,
  lon: number,
  lat: number,
  options: SiteServiceAreaOptions = {},
): SiteServiceArea {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) throw new RangeError(`siteServiceArea: bad site position ${lon}, ${lat}`);
  const kind = options.kind ?? 'urban';
  const code = kind === 'rural' ? KIND_RURAL : KIND_URBAN;
  const seconds = category.thresholdMinutes[kind] * 60;
  // the kind's mode and speed (a riding mode's effort metres are never shorter than its metres)
  const speed = walkSpeedsMetersPerSecond(legSettings(settings, category, categoryLegs(settings, category)[kind].mode))[code]!;
  const cellMeters = options.cellMeters ?? 50;
  // no walk (road or straight) reaches farther from the site than threshold × speed
  const radiusMeters = seconds * speed + 2 * cellMeters;
  const dLat = radiusMeters / METERS_PER_DEGREE;
  const dLon = dLat / Math.max(0.01, Math.cos((lat * Math.PI) / 180));
  const grid = makeRasterGrid([lon - dLon, lat - dLat, lon + dLon, lat + dLat], cellMeters, options.maxCells ?? 40_000);
  const n = grid.width * grid.height;
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  for (let y = 0; y < grid.height; y++) {
    for (let x = 0; x < grid.width; x++) {
      px[x + y * grid.width] = grid.lon0 + (x + 0.5) * grid.dLon;
      py[x + y * grid.width] = grid.lat0 + (y + 0.5) * grid.dLat;
    }
  }
  const time = new Float32Array(n).fill(Infinity);
  const reach = createSiteReach(travel, { lon: px, lat: py, kind: new Uint8Array(n).fill(code) }, category, settings);
  const served = reach.reach(lon, lat, (i, s) => {
    time[i] = s;
  });
  if (!served) return { seconds, multiPolygon: [] };
  const [iso] = isochrones({ category: category.id, grid, seconds: time }, [seconds]);
  return { seconds, multiPolygon: iso!.multiPolygon };
}
