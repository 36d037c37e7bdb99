/** Chinese (Simplified) strings: the default language. Keys must match ./en.ts exactly. */
import { zhParts } from './parts';

const zhCN = {
  ...zhParts,
  app: {
    title: 'Lifecircle 生活圈',
    subtitle: '15 / 20 分钟社区生活圈服务覆盖分析',
  },
  lang: {
    switchTo: 'English',
    switchTitle: '切换为英文',
  },
  map: {
    label: '地图',
  },
  legend: {
    title: '图例',
    facilities: '服务设施',
    communities: '社区',
    roads: '道路',
    show: '显示',
    hide: '收起图例，露出更多地图',
    expand: '展开图例',
  },
  kind: {
    urban: '城市社区',
    rural: '农村社区',
  },
  road: {
    motorway: '高速公路 / 快速路（不可步行）',
    major: '主干路 / 次干路',
    street: '支路 / 街道',
    minor: '内部道路 / 服务道路',
    path: '步道 / 小径',
  },
  panel: {
    label: '分析面板',
    data: '数据',
    settings: '参数设置',
    results: '覆盖结果',
    gaps: '服务缺口',
    siting: '选址建议',
    export: '导出',
    coming: '此功能将在后续版本中提供。',
  },
  data: {
    loadSample: '加载内置示例',
    sampleName: '内置示例城市（宁波周边，合成数据）',
    loading: '正在加载…',
    error: '加载失败：{{message}}',
    none: '尚未加载数据。',
    roads: '道路',
    roadLength: '道路总长',
    communities: '社区',
    urban: '城市',
    rural: '农村',
    population: '人口',
    facilities: '服务设施',
    km: '{{value}} 公里',
  },
  tooltip: {
    population: '人口',
  },
  attribution: {
    sample: '合成示例数据，非真实城市数据',
    osm: '© OpenStreetMap 贡献者',
  },
};

export default zhCN;
