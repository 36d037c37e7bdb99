/**
 * Strings of the district outlines on the map, the accessibility table download and the demand by
 * age group in the communities' mapping step, both languages side by side (same keys in each).
 * Merged under the top-level key `outlines`.
 */
export const en = {
  exportAccessibility: 'Places per 1,000 residents (accessibility.csv)',
  exportDistricts: 'Districts (districts.csv, outlines)',
  showOutlines: 'District outlines on the map',
  outlinesLoading: 'Dissolving the community polygons of each district…',
  noOutlines: 'The communities are points: districts have no outline on the map.',
  demandTitle: 'Demand by age group',
  demandHint:
    'Residents counted for the places per 1,000 of a category, e.g. children aged 0–3 for childcare or residents aged 60+ for elderly canteens. Automatic: all residents.',
  demandField: 'Demand for {{category}}',
  demandAll: 'All residents (population column)',
};

export const zh: typeof en = {
  exportAccessibility: '每千人设施量（accessibility.csv）',
  exportDistricts: '区域（districts.csv 与边界）',
  showOutlines: '在地图上显示区域边界',
  outlinesLoading: '正在合并各区域的社区边界…',
  noOutlines: '社区为点数据：区域在地图上没有边界。',
  demandTitle: '按年龄段计算需求',
  demandHint: '计算某类设施每千人设施量时所计的居民，例如托育计 0–3 岁儿童，老年食堂计 60 岁以上居民。自动：全部居民。',
  demandField: '{{category}}的需求人口',
  demandAll: '全部居民（人口列）',
};
