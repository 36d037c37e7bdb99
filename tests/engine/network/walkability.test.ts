import { describe, expect, it } from 'vitest';
import { isWalkable } from '../../../src/engine/network/walkability';

describe('isWalkable', () => {
  it('excludes motor roads and unbuilt ways', () => {
    for (const h of [
      'motorway',
      'motorway_link',
      'trunk',
      'trunk_link',
      'construction',
      'proposed',
      'raceway',
      'bus_guideway',
      'abandoned',
    ]) {
      expect(isWalkable(h), h).toBe(false);
    }
  });
  it('keeps everything else, including untagged roads', () => {
    for (const h of [
      'primary',
      'secondary',
      'residential',
      'footway',
      'path',
      'track',
      'steps',
      'service',
      'unclassified',
      'living_street',
      null,
    ]) {
      expect(isWalkable(h), String(h)).toBe(true);
    }
  });
});
