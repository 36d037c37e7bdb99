/**
 * Strings of the local PMTiles base map and the offline app (issue 15), both languages side by side
 * (same keys in each). Merged into the resources under the top-level key `pmtiles`.
 */
export const en = {
  file: 'Base map file (.pmtiles)',
  fileHint: 'Pick or drop a .pmtiles file; it is read in this browser, nothing is uploaded.',
  theme: 'Style',
  themes: { light: 'Light', dark: 'Dark', grey: 'Grey' },
  loaded: '{{file}}: vector base map, zoom {{minZoom}}–{{maxZoom}}, layers {{layers}}',
  reading: 'Reading {{file}}…',
  kept: 'kept in this browser for the next visit',
  lostGone:
    'No PMTiles base-map file is kept in this browser (never picked here, or its site data was cleared), so the base map is set to None. Pick the .pmtiles file again to show it.',
  lostFile:
    'The kept PMTiles base-map file {{file}} could not be opened again, so the base map is set to None. Pick the .pmtiles file again to show it.',
  notPmtiles: '{{file}} is not a PMTiles archive (it does not start with the PMTiles signature). The base map was not changed.',
  version:
    '{{file}} is a PMTiles archive of version {{version}}; only version 3 can be read. Convert it with `pmtiles convert`. The base map was not changed.',
  unreadable: '{{file}} could not be read as PMTiles: {{detail}}. The base map was not changed.',
  codeNotLoaded:
    'The PMTiles reader could not load ({{detail}}), so {{file}} was not opened. Reload the page to try again. The base map was not changed.',
  raster:
    '{{file}} holds raster tiles ({{tileType}}), not a vector base map; only vector PMTiles in the Protomaps schema can be drawn. The base map was not changed.',
  unknownSchema:
    '{{file}} holds {{tileType}} tiles with layers {{layers}}, not the Protomaps basemap schema (earth, water, roads, places…); it cannot be styled. The base map was not changed.',
  credit: 'Protomaps © OpenStreetMap contributors',
  updateReady: 'A new version of Lifecircle is available.',
  updateReload: 'Reload',
  offlineReady: 'Lifecircle now works offline.',
  dismiss: 'Dismiss',
};

export const zh: typeof en = {
  file: '底图文件（.pmtiles）',
  fileHint: '选择或拖入 .pmtiles 文件；文件只在本浏览器中读取，不会上传。',
  theme: '样式',
  themes: { light: '浅色', dark: '深色', grey: '灰色' },
  loaded: '{{file}}：矢量底图，缩放级别 {{minZoom}}–{{maxZoom}}，图层 {{layers}}',
  reading: '正在读取 {{file}}…',
  kept: '已保存在本浏览器，下次打开仍会显示',
  lostGone: '本浏览器中没有保存的 PMTiles 底图文件（未在此选择过，或网站数据已被清除），底图已设为“无”。请重新选择 .pmtiles 文件。',
  lostFile: '保存的 PMTiles 底图文件 {{file}} 无法再次打开，底图已设为“无”。请重新选择 .pmtiles 文件。',
  notPmtiles: '{{file}} 不是 PMTiles 文件（文件开头没有 PMTiles 标识）。底图未更改。',
  version: '{{file}} 是第 {{version}} 版 PMTiles，只能读取第 3 版，请用 `pmtiles convert` 转换。底图未更改。',
  unreadable: '无法按 PMTiles 读取 {{file}}：{{detail}}。底图未更改。',
  codeNotLoaded: 'PMTiles 读取程序无法加载（{{detail}}），未打开 {{file}}。请刷新页面重试。底图未更改。',
  raster: '{{file}} 含栅格瓦片（{{tileType}}），不是矢量底图；只能显示 Protomaps 结构的矢量 PMTiles。底图未更改。',
  unknownSchema:
    '{{file}} 含 {{tileType}} 瓦片，图层为 {{layers}}，不是 Protomaps 底图结构（earth、water、roads、places…），无法配置样式。底图未更改。',
  credit: 'Protomaps © OpenStreetMap 贡献者',
  updateReady: 'Lifecircle 有新版本。',
  updateReload: '重新加载',
  offlineReady: 'Lifecircle 现在可离线使用。',
  dismiss: '关闭',
};
