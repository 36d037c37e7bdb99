/** The low-level writer of @mapbox/shp-write (its `write`, without the zip and download helpers and their dependencies). */
declare module '@mapbox/shp-write/src/write.js' {
  /** Rows of dBase attributes, the shapefile type, and per feature its coordinates (a Point: [x, y]; a Polygon: its rings). */
  export default function write(
    rows: Record<string, string | number | boolean | null>[],
    geometryType: 'POINT' | 'POLYGON' | 'POLYLINE',
    geometries: number[][] | number[][][][],
    callback: (err: Error | null, files: { shp: DataView; shx: DataView; dbf: DataView; prj: string }) => void,
  ): void;
}
