/**
 * Strings of the smaller fixes (issue 13, point 6), both languages side by side (same keys in each).
 * Merged into the resources under the top-level key `small`.
 */
export const en = {
  warnFacilityOffNetwork: 'Facilities off the road network (they serve no one)',
  presetThreshold: '{{category}} ({{kind}}) {{minutes}} min',
  presetReplaced: 'The preset replaced your own thresholds: {{list}}.',
  presetDropped: 'The new preset has no category {{list}}; its thresholds were not kept.',
  presetReapply: 'Keep my thresholds',
  dismiss: 'Dismiss',
  crsFoundInPrj: '{{crs}}, from its .prj (converted to WGS84)',
};

export const zh: typeof en = {
  warnFacilityOffNetwork: '不在道路网络上的设施（无法服务任何社区）',
  presetThreshold: '{{category}}（{{kind}}）{{minutes}} 分钟',
  presetReplaced: '切换预设替换了您自定义的阈值：{{list}}。',
  presetDropped: '新预设没有类别 {{list}}，其阈值未能保留。',
  presetReapply: '保留我的阈值',
  dismiss: '关闭',
  crsFoundInPrj: '{{crs}}（取自 .prj，已转换为 WGS84）',
};
