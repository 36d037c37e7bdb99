import { describe, expect, it } from 'vitest';
import { restoredIsSample, sampleLayers, sampleState } from '../../src/app/layer-origin';

const sample = Object.freeze({ sample: true });
const user = Object.freeze({ sample: false });

describe('layer origin: which loaded layers are the sample', () => {
  it('says nothing when no layer is loaded or none is the sample', () => {
    expect(sampleState({})).toEqual({ kind: 'none' });
    expect(sampleState({ facilities: user, communities: user, roads: {} })).toEqual({ kind: 'none' });
    expect(sampleLayers({ facilities: user, communities: user })).toEqual([]);
  });

  it('calls the whole dataset the sample when every loaded layer is', () => {
    expect(sampleState({ facilities: sample, communities: sample, roads: sample })).toEqual({
      kind: 'all',
      sampleLayers: ['communities', 'facilities', 'roads'],
    });
    // the sample without its roads (the user removed them) is still all sample
    expect(sampleState({ facilities: sample, communities: sample })).toEqual({ kind: 'all', sampleLayers: ['communities', 'facilities'] });
  });

  it('keeps the notice and names the sample layers after the user replaces the facilities', () => {
    const files = Object.freeze({ facilities: user, communities: sample, roads: sample });
    expect(sampleState(files)).toEqual({ kind: 'partial', sampleLayers: ['communities', 'roads'], otherLayers: ['facilities'] });
    expect(sampleLayers(files)).toEqual(['communities', 'roads']);
  });

  it('names the one sample layer left after two are replaced, and none after all three', () => {
    expect(sampleState({ facilities: user, communities: user, roads: sample })).toEqual({
      kind: 'partial',
      sampleLayers: ['roads'],
      otherLayers: ['communities', 'facilities'],
    });
    expect(sampleState({ facilities: user, communities: user, roads: user }).kind).toBe('none');
  });

  it('restores the flag of a saved input, and treats unflagged inputs of a sample workspace as the sample', () => {
    expect(restoredIsSample({ sample: false }, 'sample')).toBe(false);
    expect(restoredIsSample({ sample: true }, 'user')).toBe(true);
    expect(restoredIsSample({}, 'sample')).toBe(true);
    expect(restoredIsSample({}, 'user')).toBe(false);
    expect(restoredIsSample({}, 'osm')).toBe(false);
  });
});
