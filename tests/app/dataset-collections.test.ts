import { describe, expect, it } from 'vitest';
import { datasetCollections } from '../../src/app/dataset-collections';
import { datasetView } from '../../src/engine/dataset-view';
import type { Road } from '../../src/engine/model';

describe('dataset view → collections (roads in flat columns across the worker boundary)', () => {
  it('gives every road back with its vertices in order, its class and whether it is walkable', () => {
    const roads: Road[] = [
      {
        coordinates: [
          [121.5, 29.8],
          [121.501, 29.8005],
          [121.502, 29.801],
        ],
        highway: 'footway',
        speedKmh: null,
      },
      {
        coordinates: [
          [121.6, 29.9],
          [121.61, 29.91],
        ],
        highway: 'motorway',
        speedKmh: null,
      },
      {
        coordinates: [
          [-0.5, 51.25],
          [-0.51, 51.26],
        ],
        highway: null,
        speedKmh: null,
      },
      {
        coordinates: [
          [121.7, 29.7],
          [121.71, 29.71],
        ],
        highway: 'trunk',
        speedKmh: null,
        footAccess: true,
      },
    ];
    const view = structuredClone(datasetView({ facilities: [], communities: [], roads }));
    const features = datasetCollections(view, 'user').roads!.features;
    expect(features.map((f) => f.geometry)).toEqual(roads.map((r) => ({ type: 'LineString', coordinates: r.coordinates })));
    expect(features.map((f) => f.properties)).toEqual([
      { highway: 'footway', walkable: true },
      { highway: 'motorway', walkable: false },
      { highway: null, walkable: true },
      { highway: 'trunk', walkable: true },
    ]);
  });

  it('has no roads layer when nothing is loaded', () => {
    expect(datasetCollections(datasetView(null), 'user').roads).toBeNull();
    expect(datasetCollections(datasetView({ facilities: [], communities: [], roads: null }), 'user').roads).toBeNull();
  });
});
