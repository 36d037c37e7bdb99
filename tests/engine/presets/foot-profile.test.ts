import { describe, expect, it } from 'vitest';
import { footNodeBlock, footWayDecision, mergeFootProfile } from '../../../src/engine/presets/foot-profile';

type Row = [tags: Record<string, string>, walkable: boolean, reason: string];

// One row per rule of the profile: tags → walkable or not, with the reason the importer reports.
const WAY_ROWS: Row[] = [
  // walkable highway values
  ...[
    'footway',
    'path',
    'pedestrian',
    'steps',
    'living_street',
    'residential',
    'service',
    'track',
    'unclassified',
    'tertiary',
    'tertiary_link',
    'secondary',
    'secondary_link',
    'primary',
    'primary_link',
    'cycleway',
    'bridleway',
    'platform',
  ].map((h): Row => [{ highway: h }, true, `highway=${h}`]),
  // never walkable, even with foot=yes
  ...['construction', 'proposed', 'abandoned', 'raceway', 'bus_guideway'].map((h): Row => [
    { highway: h, foot: 'yes' },
    false,
    `highway=${h} is never walkable`,
  ]),
  // foot=* before access=*
  [{ highway: 'service', access: 'private', foot: 'yes' }, true, 'foot=yes'],
  [{ highway: 'track', access: 'no', foot: 'designated' }, true, 'foot=designated'],
  [{ highway: 'track', access: 'no', foot: 'permissive' }, true, 'foot=permissive'],
  [{ highway: 'service', access: 'no', foot: 'destination' }, true, 'foot=destination'],
  [{ highway: 'residential', access: 'yes', foot: 'no' }, false, 'foot=no'],
  [{ highway: 'footway', foot: 'private' }, false, 'foot=private'],
  [{ highway: 'track', foot: 'agricultural' }, false, 'foot=agricultural'],
  [{ highway: 'track', foot: 'forestry' }, false, 'foot=forestry'],
  [{ highway: 'service', foot: 'delivery' }, false, 'foot=delivery'],
  [{ highway: 'secondary', foot: 'use_sidepath' }, false, 'foot=use_sidepath'],
  [{ highway: 'service', access: 'private' }, false, 'access=private'],
  [{ highway: 'track', access: 'agricultural' }, false, 'access=agricultural'],
  [{ highway: 'residential', access: 'destination' }, true, 'highway=residential'],
  // motorway, trunk, motorroad only with explicit foot access or a sidewalk
  [{ highway: 'motorway' }, false, 'highway=motorway without foot access'],
  [{ highway: 'motorway_link' }, false, 'highway=motorway_link without foot access'],
  [{ highway: 'motorway', access: 'yes' }, false, 'highway=motorway without foot access'],
  [{ highway: 'motorway', foot: 'yes' }, true, 'foot=yes'],
  [{ highway: 'trunk' }, false, 'highway=trunk without foot access'],
  [{ highway: 'trunk', sidewalk: 'both' }, true, 'highway=trunk with sidewalk=both'],
  [{ highway: 'trunk_link', 'sidewalk:right': 'yes' }, true, 'highway=trunk_link with sidewalk=yes'],
  [{ highway: 'trunk', sidewalk: 'separate' }, false, 'highway=trunk without foot access'],
  [{ highway: 'trunk', sidewalk: 'no' }, false, 'highway=trunk without foot access'],
  [{ highway: 'primary', motorroad: 'yes' }, false, 'motorroad=yes without foot access'],
  [{ highway: 'primary', motorroad: 'yes', foot: 'designated' }, true, 'foot=designated'],
  // sidewalk=no / separate on an ordinary road: the road stays walkable (documented choice)
  [{ highway: 'primary', sidewalk: 'no' }, true, 'highway=primary'],
  [{ highway: 'residential', sidewalk: 'separate' }, true, 'highway=residential'],
  // ferries off, pedestrian squares along their outline, platforms, no highway
  [{ route: 'ferry' }, false, 'route=ferry (ferries off)'],
  [{ route: 'ferry', foot: 'yes' }, false, 'route=ferry (ferries off)'],
  [{ highway: 'pedestrian', area: 'yes' }, true, 'highway=pedestrian'],
  [{ railway: 'platform' }, true, 'railway=platform'],
  [{ public_transport: 'platform' }, true, 'public_transport=platform'],
  [{ building: 'yes' }, false, 'no highway tag'],
  [{ highway: 'bus_stop' }, false, 'highway=bus_stop is not in the walkable list'],
];

describe('footWayDecision', () => {
  it.each(WAY_ROWS)('%o → walkable %s (%s)', (tags, walkable, reason) => {
    expect(footWayDecision(Object.freeze(tags))).toEqual({ walkable, reason });
  });

  it('a settings override replaces a list: ferries on, tracks off', () => {
    const p = mergeFootProfile({ ferries: true, walkableHighways: ['footway'] });
    expect(footWayDecision({ route: 'ferry' }, p)).toEqual({ walkable: true, reason: 'route=ferry (ferries on)' });
    expect(footWayDecision({ highway: 'track' }, p).walkable).toBe(false);
    expect(footWayDecision({ highway: 'track' }).walkable).toBe(true);
  });
});

const NODE_ROWS: [Record<string, string>, string | null][] = [
  [{ barrier: 'wall' }, 'barrier=wall'],
  [{ barrier: 'fence' }, 'barrier=fence'],
  [{ barrier: 'hedge' }, 'barrier=hedge'],
  [{ barrier: 'fence', foot: 'yes' }, null],
  [{ barrier: 'gate' }, null],
  [{ barrier: 'bollard' }, null],
  [{ barrier: 'stile' }, null],
  [{ barrier: 'kissing_gate' }, null],
  [{ foot: 'no' }, 'foot=no'],
  [{ barrier: 'gate', access: 'no' }, 'access=no'],
  [{ barrier: 'gate', access: 'private' }, 'access=private'],
  [{ highway: 'crossing' }, null],
];

describe('footNodeBlock', () => {
  it.each(NODE_ROWS)('%o cuts: %s', (tags, reason) => {
    expect(footNodeBlock(Object.freeze(tags))).toBe(reason);
  });
});
