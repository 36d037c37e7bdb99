/**
 * Loading data into the workspace: files picked or dropped per layer, the mapping step (re-read the
 * same bytes with new options), the sample, removing a layer. Everything goes through actions.ts
 * (`loadFile` keeps the previous layer when a file is refused); this file only remembers the last
 * file offered to each layer so that the mapping step can re-apply it, even when it was refused.
 */
import { create } from 'zustand';
import type { FacilityMapping } from '../io/read-facilities';
import type { LayerName, LayerOptions } from '../worker/session';
import { loadFile, loadSample, removeLayer } from './actions';
import { allInputs } from './inputs';

/** Options of a layer file: reading and mapping (LayerOptions) plus the facilities' capacity column. */
export type WorkspaceLayerOptions = LayerOptions & Pick<FacilityMapping, 'capacityField'>;

/** The file the mapping step works on (its bytes stay outside the store). */
export interface OfferedFile {
  name: string;
  size: number;
  options: WorkspaceLayerOptions;
}

/** Per layer: the last file offered in this session (loaded or refused). */
export const useOfferedFiles = create<Partial<Record<LayerName, OfferedFile>>>(() => ({}));

const offeredBytes = new Map<LayerName, Uint8Array>();

/** Layers in the order the panel shows them. */
export const LAYERS: readonly LayerName[] = Object.freeze(['facilities', 'communities', 'roads']);

/**
 * Load bytes into a layer with the given options and remember them for re-applying.
 * @returns true when the file was loaded (false: refused, the previous layer stays; see the report)
 */
function offerBytes(layer: LayerName, name: string, bytes: Uint8Array, options: WorkspaceLayerOptions = {}): Promise<boolean> {
  offeredBytes.set(layer, bytes);
  useOfferedFiles.setState({ [layer]: { name, size: bytes.length, options } });
  return loadFile(layer, name, bytes, options);
}

/**
 * Load a file the user picked or dropped. Reading the bytes is the only main-thread work; parsing
 * runs in the worker.
 */
export async function offerFile(layer: LayerName, file: File, options: WorkspaceLayerOptions = {}): Promise<boolean> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return offerBytes(layer, file.name, bytes, options);
}

/**
 * The file the mapping step of a layer works on: the last one offered in this session, else the one
 * loaded (restored after a reload), else null.
 */
export function mappingSource(layer: LayerName, offered = useOfferedFiles.getState()): OfferedFile | null {
  const o = offered[layer];
  if (o && offeredBytes.has(layer)) return o;
  const input = allInputs().find((i) => i.layer === layer);
  return input ? { name: input.name, size: input.bytes.length, options: input.options } : null;
}

/**
 * Read the mapping source of a layer again with new options (CRS, coordinate columns, category,
 * capacity, population, kind fields, default kind).
 * @returns false when there is no file to re-read or it was refused
 */
export function reapplyLayer(layer: LayerName, options: WorkspaceLayerOptions): Promise<boolean> {
  const bytes = offeredBytes.get(layer);
  const offered = useOfferedFiles.getState()[layer];
  if (bytes && offered) return offerBytes(layer, offered.name, bytes, options);
  const input = allInputs().find((i) => i.layer === layer);
  if (!input) return Promise.resolve(false);
  return offerBytes(layer, input.name, input.bytes, options);
}

/** Load the built-in sample (the mapping step then works on the sample's files). */
export function loadSampleData(): Promise<void> {
  offeredBytes.clear();
  useOfferedFiles.setState({ facilities: undefined, communities: undefined, roads: undefined });
  return loadSample();
}

/** Remove a layer's file (roads: travel times fall back to straight lines). */
export function removeLayerFile(layer: LayerName): Promise<void> {
  offeredBytes.delete(layer);
  useOfferedFiles.setState({ [layer]: undefined });
  return removeLayer(layer);
}

/** Drop only the empty options (unset fields) so reports and saved workspaces stay small. */
export function compactOptions(options: WorkspaceLayerOptions): WorkspaceLayerOptions {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) {
    if (v === undefined || v === '') continue;
    if (k === 'demandFields') {
      // demand by age group: only the categories given a column
      const chosen = Object.entries(v as Record<string, string>).filter(([, col]) => col !== '');
      if (chosen.length > 0) out[k] = Object.fromEntries(chosen);
    } else out[k] = v;
  }
  return out as WorkspaceLayerOptions;
}
