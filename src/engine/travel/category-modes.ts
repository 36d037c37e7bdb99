import type { CategoryDef, CommunityKind, PerKind, Settings } from '../model';
import { type ModeId, MODE_PROFILES } from '../presets/mode-profiles';

/** How one kind of residents travels to one category: the mode and the speed that turns its effort metres into seconds. */
export interface TravelLeg {
  mode: ModeId;
  /**
   * km/h: walking — the category's pace (`CategoryDef.walkSpeedKmh`) or else the kind's
   * `walkSpeedKmh`; riding — the profile's default speed (the mode graph's effort metres are metres
   * at that speed, so road classes, pushing and steps are already in the effort).
   */
  speedKmh: number;
}

/**
 * The mode and speed per community kind of a category (docs/architecture.md, "Modes and paces").
 *
 * @param settings walking speeds per kind
 * @param category its `mode` (default walking) and `walkSpeedKmh` (pace)
 */
export function categoryLegs(settings: Pick<Settings, 'walkSpeedKmh'>, category: CategoryDef): PerKind<TravelLeg> {
  const leg = (kind: CommunityKind): TravelLeg => {
    const mode = category.mode?.[kind] ?? 'walk';
    if (mode === 'walk') return { mode, speedKmh: category.walkSpeedKmh ?? settings.walkSpeedKmh[kind] };
    return { mode, speedKmh: MODE_PROFILES[mode].defaultSpeedKmh };
  };
  return { urban: leg('urban'), rural: leg('rural') };
}

/**
 * The settings as one mode of a category sees them: `walkSpeedKmh` of each kind becomes that kind's
 * leg speed (for a kind travelling by another mode the speed is the same number, unused), so code
 * that takes walking speeds from settings (site reach, service areas) measures the category's legs.
 *
 * @param settings the analysis settings
 * @param category the category
 * @param mode one of the category's modes
 */
export function legSettings(settings: Settings, category: CategoryDef, mode: ModeId): Settings {
  const legs = categoryLegs(settings, category);
  const pick = (kind: CommunityKind): number =>
    (legs[kind].mode === mode ? legs[kind] : legs[kind === 'urban' ? 'rural' : 'urban']).speedKmh;
  return { ...settings, walkSpeedKmh: { urban: pick('urban'), rural: pick('rural') } };
}

/** The distinct modes of a category, urban's first. */
export function categoryModes(category: CategoryDef): ModeId[] {
  const u = category.mode?.urban ?? 'walk';
  const r = category.mode?.rural ?? 'walk';
  return u === r ? [u] : [u, r];
}

/** Every mode some category uses, in settings order (walking when there are no categories). */
export function modesInUse(settings: Pick<Settings, 'categories'>): ModeId[] {
  const out = new Set<ModeId>();
  for (const c of settings.categories) for (const m of categoryModes(c)) out.add(m);
  return out.size > 0 ? [...out] : ['walk'];
}
