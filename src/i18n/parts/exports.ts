/**
 * Strings of the export formats and coordinate systems (layered GeoJSON, CGCS2000 Gauss–Krüger
 * zones), both languages side by side (same keys in each). Merged under the top-level key `exports`.
 */
export const en = {
  crsCgcs2000: 'CGCS2000 (geographic, EPSG:4490)',
  crsGkZone: 'CGCS2000 Gauss–Krüger {{deg}}° zone {{zone}} (easting with zone number, {{code}})',
  crsGkCm: 'CGCS2000 Gauss–Krüger {{deg}}° CM {{cm}}°E ({{code}})',
  legendShare: '{{category}}: {{pct}} % of residents covered',
  legendGapZones: '{{category}}: gap zone',
  mapTitle: 'Community life-circle coverage: {{category}}',
  printCategory: 'Category shown on the map: {{category}}',
};

export const zh: typeof en = {
  crsCgcs2000: 'CGCS2000（地理坐标，EPSG:4490）',
  crsGkZone: 'CGCS2000 高斯–克吕格 {{deg}}° 带第 {{zone}} 带（横坐标含带号，{{code}}）',
  crsGkCm: 'CGCS2000 高斯–克吕格 {{deg}}° 带 中央经线 {{cm}}°E（{{code}}）',
  legendShare: '{{category}}：{{pct}}% 居民被覆盖',
  legendGapZones: '{{category}}：缺口区域',
  mapTitle: '社区生活圈覆盖：{{category}}',
  printCategory: '地图所示类别：{{category}}',
};
