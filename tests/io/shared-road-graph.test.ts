/**
 * The command reads the roads once: the GCJ-02/BD-09 offset check of the point files and the
 * analysis use one road graph (built once per roads array), and the dataset's roads are the roads
 * read for the check.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../src/cli/load-inputs';
import { analyze } from '../../src/engine/analyze';
import { buildRoadGraph, getRoadGraph } from '../../src/engine/network/graph-builder';
import { networkOf } from '../../src/engine/travel/modal-travel';
import { loadDataset } from '../../src/io/load-dataset';
import { readRoads } from '../../src/io/read-roads';

const GRID = resolve(__dirname, '../fixtures/grid-3x3/in');

describe('one road graph per roads array', () => {
  it('getRoadGraph builds the graph once per array, equal to buildRoadGraph', async () => {
    const input = await loadInputs({
      facilities: `${GRID}/facilities.geojson`,
      communities: `${GRID}/communities.geojson`,
      roads: `${GRID}/roads.geojson`,
      settings: `${GRID}/settings.json`,
    });
    const roads = input.dataset!.roads!;
    const graph = getRoadGraph(roads);
    expect(getRoadGraph(roads)).toBe(graph);
    expect(graph).toEqual(buildRoadGraph(roads));
    // a copy of the array is another array: its own graph, equal in content
    expect(getRoadGraph([...roads])).not.toBe(graph);
    // the analysis of the dataset walks that very graph
    const analysis = analyze(input.dataset!, input.settings!);
    expect(networkOf(analysis.travel, 'walk')?.graph).toBe(graph);
  });

  it('loadDataset with roads already read keeps their array and reports like reading them itself', async () => {
    const input = await loadInputs({
      facilities: `${GRID}/facilities.geojson`,
      communities: `${GRID}/communities.geojson`,
      roads: `${GRID}/roads.geojson`,
      settings: `${GRID}/settings.json`,
    });
    const settings = input.settings!;
    const features = [
      ...input.dataset!.roads!.map((r) => ({
        type: 'Feature',
        properties: { highway: r.highway },
        geometry: { type: 'LineString', coordinates: r.coordinates },
      })),
      { type: 'Feature', properties: { highway: 'footway' }, geometry: { type: 'Point', coordinates: [0, 0] } },
    ];
    const layers = {
      facilities: { features: [], file: 'f.geojson' },
      communities: { features: [], file: 'c.geojson' },
      roads: { features, file: 'roads.geojson' },
    };
    const roadsRead = readRoads(features, 'roads.geojson');
    const given = loadDataset(layers, settings, { roadsRead });
    const own = loadDataset(layers, settings);
    expect(given.dataset.roads).toBe(roadsRead.value);
    expect(given.dataset.roads).toEqual(own.dataset.roads);
    expect(given.counts).toEqual(own.counts);
    expect(given.counts.roads).toEqual({ read: features.length, kept: features.length - 1, skipped: 1 });
    expect(given.errors).toEqual(own.errors);
    expect(given.warnings).toEqual(own.warnings);
  });
});
