/** English strings. Keys must match ./zh-CN.ts exactly. */
import { enParts } from './parts';

const en = {
  ...enParts,
  app: {
    title: 'Lifecircle',
    subtitle: '15/20-minute community service circle coverage',
  },
  lang: {
    switchTo: '中文',
    switchTitle: 'Switch to Chinese',
  },
  map: {
    label: 'Map',
  },
  legend: {
    title: 'Legend',
    facilities: 'Facilities',
    communities: 'Communities',
    roads: 'Roads',
    show: 'Show',
    hide: 'Fold the legend to see more of the map',
    expand: 'Unfold the legend',
  },
  kind: {
    urban: 'Urban community',
    rural: 'Rural community',
  },
  road: {
    motorway: 'Motorway / trunk (not walkable)',
    major: 'Primary / secondary road',
    street: 'Street',
    minor: 'Minor / service road',
    path: 'Footway / path / track',
  },
  panel: {
    label: 'Analysis panel',
    data: 'Data',
    settings: 'Settings',
    results: 'Results',
    gaps: 'Gaps',
    siting: 'Siting',
    export: 'Export',
    coming: 'Coming in a later version.',
  },
  data: {
    loadSample: 'Load built-in sample',
    sampleName: 'Built-in sample city (around Ningbo, synthetic)',
    loading: 'Loading…',
    error: 'Could not load: {{message}}',
    none: 'No data loaded yet.',
    roads: 'Roads',
    roadLength: 'Road length',
    communities: 'Communities',
    urban: 'urban',
    rural: 'rural',
    population: 'Population',
    facilities: 'Facilities',
    km: '{{value}} km',
  },
  tooltip: {
    population: 'Population',
  },
  attribution: {
    sample: 'Synthetic sample data, not a real city',
    osm: '© OpenStreetMap contributors',
  },
};

export default en;
