/**
 * The words and OSM tags that recognise each category of facility, shared by the presets.
 * Data only: category-mapping (src/io/category-mapping.ts) reads it through `CategoryDef.keywords`
 * and `CategoryDef.osmTags`.
 *
 * Chinese terms are the facility names used in the Ningbo plan (`docs/plan/`) and in
 * GB 50180-2018 appendix B; OSM tags follow the OSM wiki (Map features: amenity, healthcare,
 * leisure, shop). Keywords are lower case; a keyword matches a substring of Chinese text or whole
 * words of Latin text (see category-mapping).
 */

/** Recognisers of one category. */
export interface CategoryVocabulary {
  keywords: string[];
  osmTags: string[];
  /** Map colour `#rrggbb` (Tableau 10 palette: distinct, colour-blind friendly in pairs). */
  color: string;
}

/** Recognisers by category id. */
const VOCABULARY = {
  clinic: {
    keywords: [
      '卫生服务中心',
      '卫生服务站',
      '社区医院',
      '卫生院',
      '卫生室',
      '诊所',
      '门诊',
      '医院',
      'clinic',
      'doctors',
      'doctor',
      'health centre',
      'health center',
      'hospital',
      'medical centre',
    ],
    osmTags: ['amenity=clinic', 'amenity=doctors', 'amenity=hospital', 'healthcare=*'],
    color: '#e15759',
  },
  canteen: {
    keywords: ['老年食堂', '长者食堂', '老年助餐', '助餐', '老年餐桌', '食堂', 'canteen', 'meal service', 'elderly canteen'],
    osmTags: ['amenity=canteen', 'social_facility=meal_delivery'],
    color: '#f28e2b',
  },
  childcare: {
    keywords: [
      '托育',
      '幼儿园',
      '托儿所',
      '婴幼儿照护',
      '早教',
      'kindergarten',
      'childcare',
      'child care',
      'nursery',
      'daycare',
      'day care',
      'preschool',
    ],
    osmTags: ['amenity=kindergarten', 'amenity=childcare'],
    color: '#b07aa1',
  },
  sports: {
    keywords: ['体育', '健身', '运动', '球场', 'sports', 'sport', 'fitness', 'gym', 'stadium', 'pitch'],
    osmTags: [
      'leisure=sports_centre',
      'leisure=fitness_centre',
      'leisure=pitch',
      'leisure=fitness_station',
      'leisure=stadium',
      'leisure=track',
    ],
    color: '#59a14f',
  },
  culture: {
    keywords: [
      '文化礼堂',
      '文化站',
      '文化中心',
      '文化',
      '图书馆',
      '书屋',
      '博物馆',
      'library',
      'culture',
      'cultural',
      'community centre',
      'community center',
      'arts centre',
      'theatre',
      'museum',
    ],
    osmTags: ['amenity=library', 'amenity=community_centre', 'amenity=arts_centre', 'amenity=theatre', 'tourism=museum'],
    color: '#4e79a7',
  },
  convenience: {
    keywords: ['便民', '服务中心', '超市', '便利店', '菜市场', '农贸市场', '81890', 'convenience', 'supermarket', 'grocery', 'marketplace'],
    osmTags: ['shop=convenience', 'shop=supermarket', 'shop=greengrocer', 'amenity=marketplace'],
    color: '#76b7b2',
  },
} as const satisfies Record<string, CategoryVocabulary>;

/** A category id that has a vocabulary. */
export type VocabularyId = keyof typeof VOCABULARY;

/** A mutable copy of one category's recognisers (presets are frozen; copies keep them independent). */
export function vocabularyOf(id: VocabularyId): CategoryVocabulary {
  const v = VOCABULARY[id];
  return { keywords: [...v.keywords], osmTags: [...v.osmTags], color: v.color };
}
