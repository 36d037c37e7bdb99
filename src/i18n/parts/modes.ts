/**
 * Strings of travel modes and paces per category (beside the threshold sliders), both languages
 * side by side (same keys in each). Merged into the resources under the top-level key `modes`.
 */
export const en = {
  walk: 'Walk',
  bicycle: 'Bicycle',
  ebike: 'E-bike',
  modeLabel: 'How {{kind}} residents reach {{category}}',
  speed: '{{value}} km/h',
  paceLabel: 'Walking pace for {{category}} (km/h; empty: the urban/rural walking speed)',
  pace: 'pace',
  paceOwn: 'own walking pace of this category (e.g. elderly pace)',
  ridingHint: 'riding at {{value}} km/h on roads; footways pushed at 4 km/h, steps carried at 2 km/h; never on motorways',
};

export const zh: typeof en = {
  walk: '步行',
  bicycle: '自行车',
  ebike: '电动自行车',
  modeLabel: '{{kind}}居民前往{{category}}的方式',
  speed: '{{value}} 公里/时',
  paceLabel: '{{category}}的步行速度（公里/时；留空：按城市/农村步行速度）',
  pace: '步速',
  paceOwn: '本类别自己的步行速度（如老年人步速）',
  ridingHint: '道路上骑行 {{value}} 公里/时；人行道推行 4 公里/时，台阶搬运 2 公里/时；不走高速公路',
};
