import { fromArrayBuffer } from 'geotiff';
import type { ElevationGrid } from '../../engine/terrain/elevation-grid';

/** Geographic CRSs read as WGS84 longitude/latitude (CGCS2000 is WGS84 within the app's tolerance, see io/crs.ts). */
const GEOGRAPHIC_EPSG: Record<number, string> = { 4326: 'WGS 84', 4490: 'CGCS2000' };
/** GeoTIFF `GTModelTypeGeoKey` values. */
const MODEL_PROJECTED = 1;
const MODEL_GEOGRAPHIC = 2;
/** GeoTIFF "user-defined" key value. */
const USER_DEFINED = 32767;

/** Whether bytes start like a TIFF or BigTIFF file. */
export function isTiff(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false;
  const le = bytes[0] === 0x49 && bytes[1] === 0x49 && (bytes[2] === 42 || bytes[2] === 43) && bytes[3] === 0;
  const be = bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[2] === 0 && (bytes[3] === 42 || bytes[3] === 43);
  return le || be;
}

/**
 * Reads a single-band GeoTIFF DEM in geographic coordinates (EPSG:4326, or CGCS2000 EPSG:4490),
 * north up. Samples are the pixel centres (or the pixels themselves when the file says
 * `RasterPixelIsPoint`); the GDAL no-data value becomes `NaN`. A projected CRS is refused by name
 * (reproject with `gdalwarp -t_srs EPSG:4326`), as is a file without georeferencing.
 *
 * @param name the file name (for messages)
 * @param bytes the file's bytes
 */
export async function readGeoTiffDem(name: string, bytes: Uint8Array): Promise<{ grid: ElevationGrid } | { error: string }> {
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const tiff = await fromArrayBuffer(buffer);
    const image = await tiff.getImage();
    const keys = image.getGeoKeys();
    if (!keys) return { error: `"${name}" is a TIFF without georeferencing (no GeoKeys): not a DEM the app can place` };
    const model = keys.GTModelTypeGeoKey as number | undefined;
    const projected = keys.ProjectedCSTypeGeoKey as number | undefined;
    if (model === MODEL_PROJECTED || projected !== undefined) {
      const code = projected !== undefined && projected !== USER_DEFINED ? `EPSG:${projected}` : 'a user-defined projection';
      return {
        error: `"${name}" is in a projected coordinate system (${code}): the app reads DEMs in longitude/latitude (EPSG:4326); reproject it, e.g. gdalwarp -t_srs EPSG:4326`,
      };
    }
    const geographic = keys.GeographicTypeGeoKey as number | undefined;
    if (model !== MODEL_GEOGRAPHIC && geographic === undefined) {
      return { error: `"${name}" does not say its coordinate system (GTModelTypeGeoKey ${String(model)}): not a DEM the app can place` };
    }
    if (geographic !== undefined && !(geographic in GEOGRAPHIC_EPSG)) {
      return {
        error: `"${name}" is in the geographic coordinate system EPSG:${geographic}, which the app cannot read: reproject it to EPSG:4326 (gdalwarp -t_srs EPSG:4326)`,
      };
    }
    const width = image.getWidth();
    const height = image.getHeight();
    const [originX, originY] = image.getOrigin() as [number, number];
    const [resX, resY] = image.getResolution() as [number, number];
    if (!(resX > 0 && resY < 0) || !Number.isFinite(originX) || !Number.isFinite(originY)) {
      return { error: `"${name}" is not a north-up grid (pixel size ${resX} × ${resY}): not a DEM the app can read` };
    }
    const half = image.pixelIsArea() ? 0.5 : 0;
    const raster = (await image.readRasters({ samples: [0], interleave: true })) as unknown as ArrayLike<number>;
    const noData = image.getGDALNoData();
    const z = new Float32Array(width * height);
    for (let i = 0; i < z.length; i++) {
      const v = raster[i] as number;
      z[i] = v === noData || !Number.isFinite(v) ? NaN : v;
    }
    const grid: ElevationGrid = {
      name,
      width,
      height,
      lon0: originX + half * resX,
      lat0: originY + half * resY,
      dLon: resX,
      dLat: -resY,
      z,
    };
    return { grid };
  } catch (e) {
    return { error: `"${name}" is not a readable GeoTIFF: ${e instanceof Error ? e.message : String(e)}` };
  }
}
