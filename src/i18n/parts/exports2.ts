/**
 * Strings of the Shapefile export, both languages side by side (same keys in each). Merged under
 * the top-level key `exports2`.
 */
export const en = {
  shapefile: 'Shapefile (.zip)',
  shapefileTitle:
    'gap-communities, gap-zones, sites, communities and district outlines: one shapefile each (UTF-8, .prj of the chosen system)',
};

export const zh: typeof en = {
  shapefile: 'Shapefile（.zip）',
  shapefileTitle: '缺口社区、缺口区域、建议选址、全部社区和区域边界：各一个 Shapefile（UTF-8，含所选坐标系的 .prj）',
};
