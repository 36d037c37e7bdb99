/**
 * The UI's string parts, one file per area so that each area owns its strings. Each part becomes a
 * top-level key of the resources (`t('results.…')`).
 */
import * as workspace from './workspace';
import * as settings from './settings';
import * as results from './results';
import * as gaps from './gaps';
import * as layers from './layers';
import * as siting from './siting';
import * as exportPart from './export';
import * as osm from './osm';
import * as exportsPart from './exports';
import * as answer from './answer';
import * as small from './small';
import * as proposals from './proposals';
import * as exports2Part from './exports2';
import * as pmtiles from './pmtiles';
import * as basemap from './basemap';
import * as modes from './modes';
import * as access from './access';
import * as districts from './districts';
import * as terrain from './terrain';
import * as outlines from './outlines';
import * as lazy from './lazy';

const parts = {
  workspace,
  settings,
  results,
  gaps,
  layers,
  siting,
  export: exportPart,
  osm,
  exports: exportsPart,
  answer,
  small,
  proposals,
  exports2: exports2Part,
  pmtiles,
  basemap,
  modes,
  access,
  districts,
  terrain,
  outlines,
  lazy,
};

type Parts = typeof parts;
export const enParts = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v.en])) as { [K in keyof Parts]: Parts[K]['en'] };
export const zhParts = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v.zh])) as { [K in keyof Parts]: Parts[K]['zh'] };
