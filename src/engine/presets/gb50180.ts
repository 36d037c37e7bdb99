import type { Preset } from '../model';
import { vocabularyOf } from './vocabulary';
import { deepFreeze } from './deep-freeze';

/**
 * GB 50180-2018 城市居住区规划设计标准 (Standard for urban residential area planning and design).
 * Table 4.0.1 defines the 15-, 10- and 5-minute life circles (walking distances 800–1000 m, 500 m,
 * 300 m) and the residential block (居住街坊, 150–250 m); appendix B says at which level each
 * facility is provided. Each category uses the level of its main facility:
 *
 * | id | minutes | level | facility in appendix B |
 * | --- | --- | --- | --- |
 * | clinic | 15 | 15-minute | 社区卫生服务中心（社区医院） (the 社区卫生服务站 is at the 5-minute level) |
 * | canteen | 5 | 5-minute | 社区食堂, 老年人日间照料中心（托老所） |
 * | childcare | 5 | 5-minute | 幼儿园, 托儿所 |
 * | sports | 10 | 10-minute | 中型多功能运动场地 (small courts and outdoor fitness at 5 minutes) |
 * | culture | 15 | 15-minute | 文化活动中心 (the 文化活动站 is at the 5-minute level) |
 * | convenience | 5 | 5-minute / block | 社区商业网点（超市、药店…）; 便利店 in the 居住街坊 |
 *
 * The standard is for urban residential areas and sets no rural circles: rural thresholds equal
 * urban ones here (override them in a settings file).
 */
export const GB50180: Preset = deepFreeze({
  id: 'gb50180',
  label: { zh: 'GB 50180-2018 城市居住区规划设计标准（生活圈）', en: 'GB 50180-2018 residential life circles' },
  sources: [
    'GB 50180-2018 城市居住区规划设计标准, 表 4.0.1: 十五分钟生活圈居住区 步行距离 800–1000 m; 十分钟 500 m; 五分钟 300 m; 居住街坊 150–250 m',
    'clinic 15: 附录 B, 十五分钟生活圈居住区配套设施 “卫生服务中心（社区医院）” (15-minute level)',
    'canteen 5: 附录 B, 五分钟生活圈居住区配套设施 “社区食堂”, “老年人日间照料中心（托老所）” (5-minute level)',
    'childcare 5: 附录 B, 五分钟生活圈居住区配套设施 “幼儿园”, “托儿所” (5-minute level)',
    'sports 10: 附录 B, 十分钟生活圈居住区配套设施 “中型多功能运动场地” (10-minute level; 小型多功能运动场地 and 室外综合健身场地 are 5-minute)',
    'culture 15: 附录 B, 十五分钟生活圈居住区配套设施 “文化活动中心” (15-minute level; 文化活动站 is 5-minute)',
    'convenience 5: 附录 B, 五分钟生活圈居住区配套设施 “社区商业网点（超市、药店、洗衣店、美发店等）”; 居住街坊 “便利店” (5-minute level)',
    'rural = urban: the standard covers urban residential areas only and gives no rural circle',
  ],
  settings: {
    preset: 'gb50180',
    categories: [
      {
        id: 'clinic',
        label: { zh: '医疗卫生', en: 'Community health centres' },
        thresholdMinutes: { urban: 15, rural: 15 },
        ...vocabularyOf('clinic'),
      },
      {
        id: 'canteen',
        label: { zh: '社区食堂', en: 'Community canteens' },
        thresholdMinutes: { urban: 5, rural: 5 },
        ...vocabularyOf('canteen'),
      },
      {
        id: 'childcare',
        label: { zh: '幼儿园、托儿所', en: 'Kindergartens and nurseries' },
        thresholdMinutes: { urban: 5, rural: 5 },
        ...vocabularyOf('childcare'),
      },
      {
        id: 'sports',
        label: { zh: '多功能运动场地', en: 'Sports grounds' },
        thresholdMinutes: { urban: 10, rural: 10 },
        ...vocabularyOf('sports'),
      },
      {
        id: 'culture',
        label: { zh: '文化活动中心', en: 'Culture centres' },
        thresholdMinutes: { urban: 15, rural: 15 },
        ...vocabularyOf('culture'),
      },
      {
        id: 'convenience',
        label: { zh: '社区商业网点', en: 'Shops and services' },
        thresholdMinutes: { urban: 5, rural: 5 },
        ...vocabularyOf('convenience'),
      },
    ],
    walkSpeedKmh: { urban: 5, rural: 5 },
    detourFactor: 1.3,
    sampleSpacingMeters: 100,
    maxSnapMeters: 500,
    model: 'network',
  },
});
