/**
 * What the elevation card says about the loaded DEM files, as translation keys with their values
 * (the card renders them as text in the UI's language): no-data samples filled or left flat per
 * file, and after an analysis, per mode, how many road segments follow the slope, lie outside the
 * DEM (flat costs there), or that the DEM does not overlap the roads, or that the straight-line
 * model ignores it.
 */
import type { TerrainUse } from '../engine/travel/modal-travel';

/** One line of the elevation card: `t(key, values)`; `warn` lines stand out. */
export interface TerrainNote {
  key:
    | 'terrain.noDataFilled'
    | 'terrain.noDataLeftFlat'
    | 'terrain.ignored'
    | 'terrain.noOverlap'
    | 'terrain.partlyOutside'
    | 'terrain.covered';
  values: Record<string, string | number>;
  warn: boolean;
  /** The mode the line is about (a translation key under `modes.`), when it is about one. */
  mode?: string;
}

/** No-data samples of one DEM file (from the worker's `loadDem` report). */
export interface DemNoData {
  file: string;
  filled: number;
  leftFlat: number;
}

/**
 * The elevation card's lines.
 *
 * @param noData per file in use: no-data samples filled and left without data
 * @param use what the last analysis did with the grids (`CoverageView.terrain`), or null
 */
export function terrainNotes(noData: readonly DemNoData[], use: TerrainUse | null): TerrainNote[] {
  const notes: TerrainNote[] = [];
  for (const d of noData) {
    if (d.filled > 0) notes.push({ key: 'terrain.noDataFilled', values: { file: d.file, count: d.filled }, warn: false });
    if (d.leftFlat > 0) notes.push({ key: 'terrain.noDataLeftFlat', values: { file: d.file, count: d.leftFlat }, warn: true });
  }
  if (!use) return notes;
  if (use.ignored) {
    notes.push({ key: 'terrain.ignored', values: {}, warn: true });
    return notes;
  }
  const withRoads = use.modes.filter((m) => m.segments > 0);
  if (withRoads.length > 0 && withRoads.every((m) => m.outside === m.segments)) {
    notes.push({ key: 'terrain.noOverlap', values: { files: use.files.join(', ') }, warn: true });
    return notes;
  }
  for (const m of withRoads) {
    if (m.flat > 0) notes.push({ key: 'terrain.partlyOutside', values: { flat: m.flat, total: m.segments }, warn: true, mode: m.mode });
    else notes.push({ key: 'terrain.covered', values: { total: m.segments }, warn: false, mode: m.mode });
  }
  return notes;
}
