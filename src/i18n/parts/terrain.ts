/**
 * Strings of the elevation (DEM) input, both languages side by side (same keys in each). Merged
 * into the resources under the top-level key `terrain`.
 */
export const en = {
  title: 'Elevation (slope)',
  hint: 'SRTM tiles (.hgt, .hgt.zip) or a GeoTIFF in longitude/latitude (EPSG:4326). Travel times on the road network then follow the slope, from the community to the facility: walking by Tobler’s hiking function, cycling at half speed on 10 % uphill (e-bike 1/1.6) and 1.5× downhill up to 30 km/h; flat ground keeps the chosen speed.',
  choose: 'Choose elevation files…',
  drop: 'Drop DEM tiles here or',
  reading: 'Reading elevation…',
  inUse: 'Slope from: {{files}}',
  none: 'No elevation loaded: flat ground.',
  clear: 'Remove elevation',
  refused: '{{file}} not used: {{reason}}',
  noDataFilled: '{{file}}: {{count}} no-data samples filled from their neighbours.',
  noDataLeftFlat: '{{file}}: {{count}} samples in larger no-data voids left without elevation; roads over them keep flat costs.',
  ignored: 'The straight-line model ignores slope: choose the road network in the travel settings to use the elevation.',
  noOverlap: 'The elevation data ({{files}}) does not overlap the roads: every road keeps flat costs.',
  partlyOutside:
    '{{mode}}: {{flat}} of {{total}} road segments lie partly or wholly outside the elevation data (or over no-data voids); those parts keep flat costs.',
  covered: '{{mode}}: all {{total}} road segments follow the slope.',
};

export const zh: typeof en = {
  title: '高程（坡度）',
  hint: 'SRTM 瓦片（.hgt、.hgt.zip）或经纬度坐标（EPSG:4326）的 GeoTIFF。加载后路网出行时间按坡度计算，方向为从社区到设施：步行按 Tobler 徒步函数，骑行在 10% 上坡时减为一半（电动自行车为 1/1.6），下坡加快至 1.5 倍、最高 30 公里/时；平地保持所选速度。',
  choose: '选择高程文件…',
  drop: '将高程瓦片拖到此处，或',
  reading: '正在读取高程…',
  inUse: '坡度数据：{{files}}',
  none: '未加载高程：按平地计算。',
  clear: '移除高程',
  refused: '{{file}} 未采用：{{reason}}',
  noDataFilled: '{{file}}：{{count}} 个无数据采样点已用相邻值填补。',
  noDataLeftFlat: '{{file}}：较大空洞中的 {{count}} 个采样点没有高程，经过的道路按平地计算。',
  ignored: '直线距离模型不考虑坡度：请在出行设置中选择路网模型以使用高程。',
  noOverlap: '高程数据（{{files}}）与道路不重叠：所有道路按平地计算。',
  partlyOutside: '{{mode}}：{{total}} 段道路中有 {{flat}} 段部分或全部位于高程数据范围之外（或在无数据空洞上），这些部分按平地计算。',
  covered: '{{mode}}：全部 {{total}} 段道路按坡度计算。',
};
