/**
 * The local PMTiles base map's state, a small zustand store: the archive on the map (its source URL
 * and what it holds), the chosen theme, and the last file's status (reading, or why it was refused).
 * A refused file never replaces the archive on the map. Changed through ./pmtiles-actions.ts.
 */
import { create } from 'zustand';
import type { PmtilesInfo, PmtilesProblem } from './pmtiles-archive';
import type { PmtilesTheme } from './pmtiles-style';

/** The archive being drawn. */
export interface PmtilesBasemap {
  /** `pmtiles://<key>` */
  url: string;
  fileName: string;
  info: PmtilesInfo;
}

/** The last file's status. */
export type PmtilesStatus = { kind: 'idle' } | { kind: 'reading'; file: string } | { kind: 'refused'; problem: PmtilesProblem };

export interface PmtilesState {
  basemap: PmtilesBasemap | null;
  theme: PmtilesTheme;
  status: PmtilesStatus;
}

export const usePmtilesStore = create<PmtilesState>(() => ({ basemap: null, theme: 'light', status: { kind: 'idle' } }));
