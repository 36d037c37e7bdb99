import type { Preset } from '../model';
import { vocabularyOf } from './vocabulary';
import { deepFreeze } from './deep-freeze';

/**
 * "Elderly pace" in km/h (1 m/s): the walking speed of older residents, used for canteens and
 * clinics, whose users are mostly elderly. Signal timing assumes 1.07 m/s (3.5 ft/s) and 0.9 m/s
 * (3 ft/s) where older pedestrians cross (MUTCD 2009 §4E.06); Asher et al. 2012 (Age and Ageing)
 * measured a mean 0.9 m/s for men and 0.8 m/s for women over 65. 1 m/s sits between them.
 */
const ELDERLY_PACE_KMH = 3.6;

/**
 * Ningbo's community service plan 2021–2025 (宁波市城乡现代社区服务体系建设“十四五”规划; the text is in
 * `docs/plan/`). Thresholds in minutes of walking per community kind; where the plan names no
 * circle, the GB 50180-2018 level is used and the choice is written in `sources`.
 *
 * | id | urban | rural | from |
 * | --- | --- | --- | --- |
 * | clinic | 15 | 15 | “15分钟医疗服务圈” (one circle for all) |
 * | canteen | 10 | 15 | GB 50180-2018: 社区食堂 / 老年人日间照料中心 in the 5–10-minute levels; rural +5 as the plan does |
 * | childcare | 10 | 15 | GB 50180-2018: 幼儿园 / 托儿所 in the 5–10-minute levels; plan: “家门口”入托; 4.55 places per 1,000 |
 * | sports | 10 | 15 | 城市社区“10分钟健身圈”、农村社区“15分钟健身圈” |
 * | culture | 15 | 15 | “15分钟品质文化生活圈” (城乡一体: one circle for all) |
 * | convenience | 15 | 20 | 城市社区“15分钟生活服务圈”、农村社区“20分钟生活服务圈” |
 */
export const NINGBO: Preset = deepFreeze({
  id: 'ningbo',
  label: { zh: '宁波市城乡现代社区服务体系建设规划（2021–2025）', en: 'Ningbo community service plan 2021–2025' },
  sources: [
    '宁波市城乡现代社区服务体系建设“十四五”规划 (2021–2025), docs/plan/ningbo-community-service-plan-2021-2025.txt',
    'convenience 15/20: “推动形成城市社区‘15分钟生活服务圈’、农村社区‘20分钟生活服务圈’” (plan, 社区商业 and 专项行动 1)',
    'clinic 15/15: “完善‘15分钟医疗服务圈’建设” (plan, 提升医疗健康服务); the plan sets one circle for urban and rural',
    'sports 10/15: “打造城市社区‘10分钟健身圈’、农村社区‘15分钟健身圈’” (plan, 专项行动 2)',
    'culture 15/15: “全面建成城乡一体的‘15分钟品质文化生活圈’” and “建设‘15分钟品质文化生活圈’点位2000个” (plan)',
    'childcare 10/15 and 4.55 places per 1,000: “每千人口拥有3岁以下婴幼儿托位数4.55个” and “推动‘家门口’入托放心工程” (plan) give ' +
      'no minutes; GB 50180-2018 appendix B lists 幼儿园 and 托儿所 as 5-minute life-circle facilities within the ' +
      '10-minute residential area; the preset uses 10 minutes urban (the 10-minute life circle) and 15 rural (+5 as the plan does for fitness)',
    'canteen 10/15: the plan asks for “标准化老年食堂200个以上” and 老年助餐 but gives no minutes; GB 50180-2018 appendix B lists ' +
      '社区食堂 and 老年人日间照料中心 as 5-minute life-circle facilities; the preset uses 10 urban / 15 rural as for childcare',
    'canteen and clinic at the elderly pace 3.6 km/h (1 m/s, editable): their users are mostly elderly residents; ' +
      'older pedestrians walk about 0.8–1.07 m/s (MUTCD 2009 §4E.06; Asher et al. 2012, Age and Ageing)',
    'walking speed 5 km/h (≈ 83 m/min) and detour factor 1.3: GB 50180-2018 table 4.0.1 sets the 15-minute life circle at ' +
      '800–1000 m walking distance; 1000 m × 1.3 ≈ 1300 m of street in 15 minutes ≈ 5.2 km/h',
  ],
  settings: {
    preset: 'ningbo',
    categories: [
      {
        id: 'clinic',
        label: { zh: '医疗卫生', en: 'Clinics' },
        thresholdMinutes: { urban: 15, rural: 15 },
        walkSpeedKmh: ELDERLY_PACE_KMH,
        ...vocabularyOf('clinic'),
      },
      {
        id: 'canteen',
        label: { zh: '老年食堂', en: 'Elderly canteens' },
        thresholdMinutes: { urban: 10, rural: 15 },
        walkSpeedKmh: ELDERLY_PACE_KMH,
        capacityUnit: { zh: '座位', en: 'seats' },
        ...vocabularyOf('canteen'),
      },
      {
        id: 'childcare',
        label: { zh: '托育', en: 'Childcare' },
        thresholdMinutes: { urban: 10, rural: 15 },
        capacityPerThousand: 4.55,
        capacityUnit: { zh: '托位', en: 'places' },
        ...vocabularyOf('childcare'),
      },
      {
        id: 'sports',
        label: { zh: '体育健身', en: 'Sports and fitness' },
        thresholdMinutes: { urban: 10, rural: 15 },
        capacityUnit: { zh: '平方米', en: 'm²' },
        ...vocabularyOf('sports'),
      },
      { id: 'culture', label: { zh: '文化', en: 'Culture' }, thresholdMinutes: { urban: 15, rural: 15 }, ...vocabularyOf('culture') },
      {
        id: 'convenience',
        label: { zh: '便民服务', en: 'Convenience services' },
        thresholdMinutes: { urban: 15, rural: 20 },
        ...vocabularyOf('convenience'),
      },
    ],
    walkSpeedKmh: { urban: 5, rural: 5 },
    detourFactor: 1.3,
    sampleSpacingMeters: 100,
    maxSnapMeters: 500,
    model: 'network',
  },
  // the plan's quantified 2025 targets the data can compute (plan text: docs/plan/, line numbers of that file)
  targets: [
    {
      id: 'childcarePlaces',
      label: { zh: '每千人口托位数', en: 'Childcare places per 1,000 residents' },
      measure: 'capacityPerThousand',
      category: 'childcare',
      target: 4.55,
      unit: { zh: '个/千人', en: 'places per 1,000' },
      source: '主要指标 2: “每千人拥有3岁以下婴幼儿照护设施托位(张) | 1.93 | 4.55 | 约束性” (plan, line 14)',
    },
    {
      id: 'sportsArea',
      label: { zh: '人均体育场地面积', en: 'Sports ground per person' },
      measure: 'capacityPerPerson',
      category: 'sports',
      target: 3.0,
      unit: { zh: '平方米/人', en: 'm² per person' },
      source:
        "主要指标 10: “人均体育场地面积(平方米) | 2.4 | ≥3.0 | 预期性” (plan, line 22); sports facilities' capacity read as m² of ground",
    },
    {
      id: 'canteens',
      label: { zh: '标准化老年食堂数', en: 'Elderly canteens' },
      measure: 'count',
      category: 'canteen',
      target: 200,
      unit: { zh: '个', en: 'canteens' },
      source: '专项行动 1: “建成标准化老年食堂200个以上” (plan, line 65); city-wide',
    },
    {
      id: 'medicalCircle',
      label: { zh: '15分钟医疗服务圈覆盖率', en: 'Residents in the 15-minute medical circle' },
      measure: 'coveredShare',
      category: 'clinic',
      target: 1,
      unit: { zh: '居民占比', en: 'share of residents' },
      minutes: { urban: 15, rural: 15 },
      source: '“完善‘15分钟医疗服务圈’建设” (plan, line 60); the plan gives no percentage: read as every resident',
    },
    {
      id: 'lifeCircle',
      label: { zh: '15/20分钟生活服务圈覆盖率', en: 'Residents in the 15/20-minute life circle' },
      measure: 'coveredShare',
      category: 'convenience',
      target: 1,
      unit: { zh: '居民占比', en: 'share of residents' },
      minutes: { urban: 15, rural: 20 },
      source:
        '“打造城市社区‘15分钟生活服务圈’、农村社区‘20分钟生活服务圈’” (plan, 打造社区“生活服务圈”行动, line 71); read as every resident',
    },
    {
      id: 'culturePoints',
      label: { zh: '“15分钟品质文化生活圈”点位', en: 'Culture points (15-minute culture circle)' },
      measure: 'count',
      category: 'culture',
      target: 2000,
      unit: { zh: '个', en: 'points' },
      source: '专项行动 5: “建设‘15分钟品质文化生活圈’点位2000个” (plan, line 65); city-wide',
    },
  ],
});
