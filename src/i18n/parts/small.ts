/**
 * Strings of the smaller fixes (issue 13, point 6), both languages side by side (same keys in each).
 * Merged into the resources under the top-level key `small`.
 */
export const en = {
  warnFacilityOffNetwork: 'Facilities off the road network (they serve no one)',
};

export const zh: typeof en = {
  warnFacilityOffNetwork: '不在道路网络上的设施（无法服务任何社区）',
};
