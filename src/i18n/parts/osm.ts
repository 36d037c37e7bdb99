/**
 * Strings of the OpenStreetMap whole-extract input, both languages side by side (same keys in each).
 * Merged into the resources under the top-level key `osm`.
 */
export const en = {
  title: 'Whole OpenStreetMap extract',
  hint: 'One .osm.pbf, .osm or .osm.gz file fills roads, facilities and communities at once (walkable ways by the foot profile; facilities by the categories’ OSM tags; residential areas and places as communities).',
  choose: 'Choose extract…',
  drop: 'Drop an extract here or',
  reading: 'Reading the extract…',
  summary:
    '{{roads}} walkable ways, {{facilities}} facilities, {{communities}} communities ({{urban}} urban, {{rural}} rural) from {{name}}',
  estimated:
    'Population estimated for {{n}} of {{total}} communities (residential area × density); load your own communities where you have real populations.',
  skipped: 'Left out: {{list}}',
  /** Why ways were left out of the walking network (the import report's reasons, by shape). */
  reason: {
    noFootAccess: '{{tag}} without foot access',
    neverWalkable: '{{tag}} is never walkable',
    notWalkable: '{{tag}} is not in the walkable list',
    noHighway: 'no highway tag',
    ferriesOff: 'route=ferry (ferries off)',
    missingNodes: 'nodes missing from the file',
    outside: 'outside the area',
  },
};

export const zh: typeof en = {
  title: '整个 OpenStreetMap 数据',
  hint: '一个 .osm.pbf、.osm 或 .osm.gz 文件同时填入道路、设施和社区（按步行规则选取可步行道路；按类别的 OSM 标签选取设施；居住用地和地名作为社区）。',
  choose: '选择数据文件…',
  drop: '将数据文件拖到此处，或',
  reading: '正在读取数据…',
  summary:
    '从 {{name}} 读取：可步行道路 {{roads}} 条，设施 {{facilities}} 个，社区 {{communities}} 个（城市社区 {{urban}} 个，农村社区 {{rural}} 个）',
  estimated: '{{total}} 个社区中有 {{n}} 个的人口为估算值（居住用地面积 × 密度）；如有实际人口数据，请加载自己的社区图层。',
  skipped: '未采用：{{list}}',
  reason: {
    noFootAccess: '{{tag}}（无步行许可）',
    neverWalkable: '{{tag}}（不可步行）',
    notWalkable: '{{tag}}（不在可步行道路类型中）',
    noHighway: '无 highway 标签',
    ferriesOff: 'route=ferry（未启用渡轮）',
    missingNodes: '文件中缺少节点',
    outside: '在范围之外',
  },
};
