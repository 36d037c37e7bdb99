/**
 * The local PMTiles base map's state, a small zustand store: the archive on the map (its source URL
 * and what it holds), the chosen theme, and the last file's status (reading, or why it was refused).
 * A refused file never replaces the archive on the map; a kept file that is gone on start is `lost`. Changed through ./pmtiles-actions.ts.
 */
import { create } from 'zustand';
import type { PmtilesInfo, PmtilesProblem } from './pmtiles-archive';
import { PMTILES_THEMES, type PmtilesTheme } from './pmtiles-names';

/** The archive being drawn. */
export interface PmtilesBasemap {
  /** `pmtiles://<key>` */
  url: string;
  fileName: string;
  info: PmtilesInfo;
  /** True once the file is kept in this browser for the next visit (../persistence.ts). */
  kept: boolean;
}

/** A kept file that could not be put back on start: `file` is its name, or null when none was found. */
export interface PmtilesLost {
  file: string | null;
}

/** The last file's status. */
export type PmtilesStatus = { kind: 'idle' } | { kind: 'reading'; file: string } | { kind: 'refused'; problem: PmtilesProblem };

export interface PmtilesState {
  basemap: PmtilesBasemap | null;
  theme: PmtilesTheme;
  status: PmtilesStatus;
  /** Set when the remembered PMTiles base map fell back to None on start (a notice says so). */
  lost: PmtilesLost | null;
}

/** localStorage key of the chosen theme (text: one of PMTILES_THEMES). */
export const PMTILES_THEME_STORAGE_KEY = 'lifecircle.pmtilesTheme';

/** The theme remembered in this browser, `light` when none (or storage is blocked or holds something else). */
export function storedPmtilesTheme(): PmtilesTheme {
  try {
    const text = typeof localStorage === 'undefined' ? null : localStorage.getItem(PMTILES_THEME_STORAGE_KEY);
    return PMTILES_THEMES.find((t) => t === text) ?? 'light';
  } catch {
    return 'light';
  }
}

export const usePmtilesStore = create<PmtilesState>(() => ({
  basemap: null,
  theme: storedPmtilesTheme(),
  status: { kind: 'idle' },
  lost: null,
}));
