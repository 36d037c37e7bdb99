/**
 * Road classes for drawing: OSM `highway` values grouped into a few classes, each with a colour and
 * a width. The sample's roads are the basemap, so the classes follow a quiet, grey cartography.
 */
import type { Rgb } from './category-style';

/** Drawing class of a road. */
export type RoadClass = 'motorway' | 'major' | 'street' | 'minor' | 'path';

/** Every road class, most important first (legend order). */
export const ROAD_CLASSES: readonly RoadClass[] = ['motorway', 'major', 'street', 'minor', 'path'];

const CLASS_OF: Readonly<Record<string, RoadClass>> = {
  motorway: 'motorway',
  motorway_link: 'motorway',
  trunk: 'motorway',
  trunk_link: 'motorway',
  primary: 'major',
  primary_link: 'major',
  secondary: 'major',
  secondary_link: 'major',
  tertiary: 'street',
  tertiary_link: 'street',
  unclassified: 'street',
  residential: 'street',
  living_street: 'minor',
  service: 'minor',
  pedestrian: 'minor',
  road: 'minor',
  footway: 'path',
  path: 'path',
  steps: 'path',
  track: 'path',
  cycleway: 'path',
  bridleway: 'path',
};

/** Class of an OSM `highway` value; unknown or missing values are `minor`. */
export function roadClass(highway: unknown): RoadClass {
  return (typeof highway === 'string' && CLASS_OF[highway]) || 'minor';
}

/** Colour `[r, g, b]` of each road class. */
export const ROAD_COLORS: Readonly<Record<RoadClass, Rgb>> = {
  motorway: [214, 140, 88],
  major: [120, 120, 124],
  street: [150, 150, 155],
  minor: [178, 178, 182],
  path: [176, 160, 132],
};

/** Width in metres of each road class (drawn at least 1 px wide). */
export const ROAD_WIDTH_METERS: Readonly<Record<RoadClass, number>> = {
  motorway: 14,
  major: 10,
  street: 6,
  minor: 4,
  path: 2,
};
