/**
 * Inputs sent to the engine worker to be read, and its answers, before anything reaches the store
 * (./actions.ts records them; the entry, through ./early-start.ts, reads the sample with it before
 * the app's code has loaded). Imports nothing of the app's state.
 */
import { engine } from './engine-client';
import type { InputFile } from './inputs';
import type { AfterLoad, LoadResult } from '../worker/session';

/** An input the worker has read, with its answer, not yet recorded in the store. */
export interface ReadInput {
  input: InputFile;
  res: LoadResult;
}

/**
 * Send inputs to the worker, in order, in one call (each replaces its layer there; a refused one
 * leaves the layer before); every answer carries the one dataset view made after the last. Nothing
 * reaches the store.
 * @param then `analyse`: the worker goes on to compute the analysis once it has answered (see its loadLayers)
 */
export async function readInputs(inputs: readonly InputFile[], then: AfterLoad = {}): Promise<ReadInput[]> {
  if (inputs.length === 0) return [];
  const { results, dataset } = await engine().loadLayers(
    inputs.map(({ layer, name, bytes, options }) => ({ layer, name, bytes, options })),
    then,
  );
  return results.map((res, i) => ({ input: inputs[i]!, res: { ...res, dataset } }));
}
