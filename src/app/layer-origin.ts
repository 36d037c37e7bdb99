/**
 * Which loaded layers are the built-in synthetic sample. The sample is three layers (facilities,
 * communities, roads); a user may replace any one of them, and the sample's other layers stay. The
 * notice that the data is synthetic must stay while any sample layer is loaded and name those layers.
 */
import type { LayerName } from '../worker/session';

/** The layers in the order the UI lists them. */
const LAYER_ORDER: readonly LayerName[] = ['communities', 'facilities', 'roads'];

/** What the origin logic needs of a loaded layer: whether its file is the built-in sample. */
export interface LayerFileOrigin {
  sample?: boolean;
}

/** The state of the sample notice: no sample layer, all loaded layers are the sample, or some are. */
export type SampleState =
  { kind: 'none' } | { kind: 'all'; sampleLayers: LayerName[] } | { kind: 'partial'; sampleLayers: LayerName[]; otherLayers: LayerName[] };

/** The loaded layers whose file is the built-in sample, in {@link LAYER_ORDER}. */
export function sampleLayers(files: Partial<Record<LayerName, LayerFileOrigin>>): LayerName[] {
  return LAYER_ORDER.filter((l) => files[l]?.sample === true);
}

/**
 * The sample notice for the loaded layers: `none` when no layer is the sample, `all` when every
 * loaded layer is, `partial` (with both lists) when the user replaced some of them.
 */
export function sampleState(files: Partial<Record<LayerName, LayerFileOrigin>>): SampleState {
  const sample = sampleLayers(files);
  if (sample.length === 0) return { kind: 'none' };
  const other = LAYER_ORDER.filter((l) => files[l] !== undefined && files[l]?.sample !== true);
  return other.length === 0 ? { kind: 'all', sampleLayers: sample } : { kind: 'partial', sampleLayers: sample, otherLayers: other };
}

/**
 * Whether a restored input is the sample: its own flag when it has one; a record saved before inputs
 * carried the flag is the sample when the whole workspace was.
 */
export function restoredIsSample(input: LayerFileOrigin, workspaceSource: string): boolean {
  return input.sample ?? workspaceSource === 'sample';
}
