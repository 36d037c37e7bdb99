/**
 * The Ningbo plan's 2025 indicators that the loaded data can support (seed/SUMMARY.md): childcare
 * places per 1,000 residents (4.55), elderly canteens (≥ 200 standard canteens city-wide), culture
 * points of the 15-minute culture circle (2,000 city-wide); the sports ground area per person
 * (≥ 3.0 m²) needs ground areas the data does not have. Pure: no DOM.
 */

/** Targets of the plan for 2025. */
export const PLAN_TARGETS = Object.freeze({
  childcarePlacesPerThousand: 4.55,
  canteens: 200,
  culturePoints: 2000,
  sportsAreaPerPersonM2: 3.0,
});

/** One indicator row. */
export interface PlanIndicator {
  id: 'childcarePlaces' | 'canteens' | 'culturePoints' | 'sportsArea';
  /** The value from the data, or null when not computable. */
  value: number | null;
  target: number;
  /** Whether the value meets the target (null when not computable). */
  met: boolean | null;
  /** Why a value is partial or missing: an i18n key under `export.` with its parameters. */
  note: { key: string; params?: Record<string, number> } | null;
}

/**
 * Indicators from the facilities (category, capacity) and the residents.
 *
 * @param facilities the analysed facilities
 * @param population residents of all communities
 * @param childcarePerThousand the settings' planning ratio for childcare (default the plan's 4.55)
 */
export function planIndicators(
  facilities: readonly { category: string; capacity: number | null }[],
  population: number,
  childcarePerThousand: number = PLAN_TARGETS.childcarePlacesPerThousand,
): PlanIndicator[] {
  const childcare = facilities.filter((f) => f.category === 'childcare');
  const withCapacity = childcare.filter((f) => f.capacity !== null && Number.isFinite(f.capacity));
  const places = withCapacity.reduce((s, f) => s + (f.capacity ?? 0), 0);
  const missing = childcare.length - withCapacity.length;
  const perThousand = withCapacity.length > 0 && population > 0 ? (places / population) * 1000 : null;
  const count = (id: string) => facilities.filter((f) => f.category === id).length;
  const canteens = count('canteen');
  const culture = count('culture');
  return [
    {
      id: 'childcarePlaces',
      value: perThousand,
      target: childcarePerThousand,
      met: perThousand === null ? null : perThousand >= childcarePerThousand,
      note: perThousand === null ? null : missing > 0 ? { key: 'childcareMissing', params: { n: missing, total: childcare.length } } : null,
    },
    { id: 'canteens', value: canteens, target: PLAN_TARGETS.canteens, met: canteens >= PLAN_TARGETS.canteens, note: { key: 'cityWide' } },
    {
      id: 'culturePoints',
      value: culture,
      target: PLAN_TARGETS.culturePoints,
      met: culture >= PLAN_TARGETS.culturePoints,
      note: { key: 'cityWide' },
    },
    { id: 'sportsArea', value: null, target: PLAN_TARGETS.sportsAreaPerPersonM2, met: null, note: { key: 'sportsAreaNote' } },
  ];
}
