/**
 * The bytes of the files in each layer, kept outside the store (they are large and never drawn):
 * needed to refill a restarted worker and to persist the workspace.
 */
import type { LayerName, LayerOptions } from '../worker/session';

/** One input file as the user gave it. */
export interface InputFile {
  layer: LayerName;
  name: string;
  bytes: Uint8Array;
  options: LayerOptions;
  /** True when the file is the built-in synthetic sample (see ./layer-origin.ts). */
  sample?: boolean;
}

const inputs = new Map<LayerName, InputFile>();

export function setInput(file: InputFile): void {
  inputs.set(file.layer, file);
}

export function removeInput(layer: LayerName): void {
  inputs.delete(layer);
}

export function allInputs(): InputFile[] {
  return (['facilities', 'communities', 'roads'] as const).flatMap((l) => (inputs.has(l) ? [inputs.get(l)!] : []));
}

export function clearInputs(): void {
  inputs.clear();
}
