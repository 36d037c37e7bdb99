import type { Preset } from '../model';
import { NINGBO } from './ningbo';
import { GB50180 } from './gb50180';

export { NINGBO } from './ningbo';
export { GB50180 } from './gb50180';

/** Every built-in preset, the default (`ningbo`) first. Frozen: copy before changing. */
export const PRESETS: readonly Preset[] = Object.freeze([NINGBO, GB50180]);

/** Id of the preset used when a settings file names none. */
export const DEFAULT_PRESET_ID = 'ningbo';

/**
 * The built-in preset with this id, or `undefined` when there is none (a settings file naming an
 * unknown preset is user data: settings.ts reports it as a problem).
 *
 * @param id preset id, e.g. `ningbo` or `gb50180`
 */
export function getPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
