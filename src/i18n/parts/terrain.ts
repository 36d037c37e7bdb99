/**
 * Strings of the elevation (DEM) input, both languages side by side (same keys in each). Merged
 * into the resources under the top-level key `terrain`.
 */
export const en = {
  title: 'Elevation (slope)',
  hint: 'SRTM tiles (.hgt, .hgt.zip) or a GeoTIFF in longitude/latitude (EPSG:4326). Walking times on the road network then follow the slope (Tobler’s hiking function), from the community to the facility; flat ground keeps the chosen speed.',
  choose: 'Choose elevation files…',
  drop: 'Drop DEM tiles here or',
  reading: 'Reading elevation…',
  inUse: 'Slope from: {{files}}',
  none: 'No elevation loaded: flat ground.',
  clear: 'Remove elevation',
  refused: '{{file}} not used: {{reason}}',
};

export const zh: typeof en = {
  title: '高程（坡度）',
  hint: 'SRTM 瓦片（.hgt、.hgt.zip）或经纬度坐标（EPSG:4326）的 GeoTIFF。加载后路网步行时间按坡度计算（Tobler 徒步函数），方向为从社区到设施；平地保持所选步速。',
  choose: '选择高程文件…',
  drop: '将高程瓦片拖到此处，或',
  reading: '正在读取高程…',
  inUse: '坡度数据：{{files}}',
  none: '未加载高程：按平地计算。',
  clear: '移除高程',
  refused: '{{file}} 未采用：{{reason}}',
};
