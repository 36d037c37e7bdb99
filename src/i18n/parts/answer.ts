/**
 * Strings of the answer block at the top of the side panel (figure cards, section nav, sample notice),
 * both languages side by side (same keys in each). Merged into the resources under the key `answer`.
 */
export const en = {
  title: 'Coverage at a glance',
  nav: 'Sections',
  // the sticky nav's links: short enough for one line in the side panel
  navLinks: { answer: 'Results', gaps: 'Gaps', districts: 'Districts', siting: 'Siting', data: 'Data', settings: 'Settings' },
  complete: 'Complete circle',
  completeHint: 'residents with every service within its time',
  completeCommunities: '{{covered}} of {{total}} communities complete',
  completeMissing: 'None can be complete without facilities of: {{categories}}',
  noFacilities: 'no facilities of this kind loaded',
  gaps: 'Communities with gaps',
  gapsHint: '{{people}} residents miss at least one service',
  share: 'urban {{urban}} · rural {{rural}} min',
  shareTitle: '{{category}}: share of residents within reach (urban {{urban}} min, rural {{rural}} min)',
  state: {
    noData: 'No data loaded yet: load the sample or your own files under Data.',
    noCommunities: 'No communities loaded: load a communities file under Data to see coverage.',
    loading: 'Loading data… the figures appear when the analysis is done.',
    running: 'Analysis running… the figures appear when it is done.',
    pending: 'Waiting for the analysis…',
    error: 'No figures: {{message}}',
  },
  sample: {
    all: 'Synthetic sample data, not a real city.',
    partial: 'Still the synthetic sample: {{layers}}. Your files: {{others}}.',
    badge: 'Sample',
    badgeTitle: 'This layer is the built-in synthetic sample, not real data',
    separator: ', ',
    layer: { communities: 'communities', facilities: 'facilities', roads: 'roads' },
  },
};

export const zh: typeof en = {
  title: '覆盖概况',
  nav: '栏目导航',
  navLinks: { answer: '覆盖', gaps: '缺口', districts: '分区', siting: '选址', data: '数据', settings: '设置' },
  complete: '完整生活圈',
  completeHint: '各类设施均在时限内可达的居民',
  completeCommunities: '{{covered}} / {{total}} 个社区完整覆盖',
  completeMissing: '缺少以下类别的设施，任何社区都无法完整覆盖：{{categories}}',
  noFacilities: '未加载此类设施',
  gaps: '存在缺口的社区',
  gapsHint: '{{people}} 名居民至少缺一类设施',
  share: '城市 {{urban}} · 农村 {{rural}} 分钟',
  shareTitle: '{{category}}：时限内可达的居民占比（城市社区 {{urban}} 分钟，农村社区 {{rural}} 分钟）',
  state: {
    noData: '尚未加载数据：请在“数据”中加载示例数据或自己的文件。',
    noCommunities: '未加载社区：请在“数据”中加载社区文件以计算覆盖。',
    loading: '正在加载数据……分析完成后显示结果。',
    running: '正在分析……完成后显示结果。',
    pending: '等待分析……',
    error: '无法显示结果：{{message}}',
  },
  sample: {
    all: '合成示例数据，非真实城市数据。',
    partial: '以下图层仍为合成示例数据：{{layers}}。您的文件：{{others}}。',
    badge: '示例',
    badgeTitle: '此图层为内置合成示例数据，非真实数据',
    separator: '、',
    layer: { communities: '社区', facilities: '设施', roads: '道路' },
  },
};
