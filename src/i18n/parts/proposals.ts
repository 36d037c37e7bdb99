/**
 * Strings of proposals on the map and their honest state: the notice shown when a data change set
 * proposals aside, the legend entries of sites, service areas and newly covered communities, and the
 * rows of the scenario comparison. Both languages side by side (same keys in each); merged under
 * the top-level key `proposals`.
 */
export const en = {
  staleData:
    'The data changed, so the proposed sites ({{sites}}) and saved scenarios ({{scenarios}}) were cleared: they were scored on the previous data.',
  staleSettings:
    'The travel settings changed, so the proposed sites ({{sites}}) and saved scenarios ({{scenarios}}) were cleared: they were scored under the previous settings.',
  applyAgain: 'Apply again',
  applyAgainHint: 'Put the same site coordinates back and score them on the current data',
  dismiss: 'Dismiss',
  legendTitle: 'Proposal',
  legendSites: 'Proposed site (number)',
  legendAreas: 'Its service area',
  legendNewly: 'Newly covered community',
  sitesAdded: 'Sites added',
  residentsAdded: 'Residents newly covered',
  shares: 'Covered share',
  number: 'Site',
};

export const zh: typeof en = {
  staleData: '数据已更换，原有的建议选址（{{sites}} 处）和已存方案（{{scenarios}} 个）已清除：它们是按原数据计算的。',
  staleSettings: '出行设置已更改，原有的建议选址（{{sites}} 处）和已存方案（{{scenarios}} 个）已清除：它们是按原设置计算的。',
  applyAgain: '重新应用',
  applyAgainHint: '按原坐标放回这些选址，并按当前数据重新计算',
  dismiss: '关闭',
  legendTitle: '选址方案',
  legendSites: '建议选址（编号）',
  legendAreas: '其服务范围',
  legendNewly: '新覆盖的社区',
  sitesAdded: '新增设施数',
  residentsAdded: '新覆盖居民',
  shares: '覆盖比例',
  number: '编号',
};
