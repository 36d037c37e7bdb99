/**
 * Strings of the export formats and coordinate systems (layered GeoJSON, CGCS2000 Gauss–Krüger
 * zones), both languages side by side (same keys in each). Merged under the top-level key `exports`.
 */
export const en = {
  crsCgcs2000: 'CGCS2000 (geographic, EPSG:4490)',
  crsGkZone: 'CGCS2000 Gauss–Krüger {{deg}}° zone {{zone}} (easting with zone number, {{code}})',
  crsGkCm: 'CGCS2000 Gauss–Krüger {{deg}}° CM {{cm}}°E ({{code}})',
};

export const zh: typeof en = {
  crsCgcs2000: 'CGCS2000（地理坐标，EPSG:4490）',
  crsGkZone: 'CGCS2000 高斯–克吕格 {{deg}}° 带第 {{zone}} 带（横坐标含带号，{{code}}）',
  crsGkCm: 'CGCS2000 高斯–克吕格 {{deg}}° 带 中央经线 {{cm}}°E（{{code}}）',
};
