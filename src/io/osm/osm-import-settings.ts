import type { Problem } from '../../engine/model';
import { FOOT_PROFILE, mergeFootProfile, type FootProfile } from '../../engine/presets/foot-profile';
import type { PopulationDensity } from './osm-import-types';

/** The `osmImport` part of a settings file: overrides of the foot profile and population defaults. */
export interface OsmImportSettings {
  footProfile?: FootProfile;
  populationDensity?: PopulationDensity;
  placePopulation?: Record<string, number>;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Read `osmImport` from a parsed settings file: `{ footProfile: { walkableHighways: [...], ferries,
 * … }, populationDensity: { urban, rural }, placePopulation: { village: 300, … } }`. Each list of
 * the profile replaces the default one. Wrong types and unknown fields are errors naming the path.
 *
 * @param raw the whole parsed settings file (only `osmImport` is read)
 * @param file file name for problems
 */
export function readOsmImportSettings(raw: unknown, file: string): { value: OsmImportSettings; errors: Problem[] } {
  const errors: Problem[] = [];
  const err = (path: string, reason: string): void => void errors.push({ file, index: -1, reason: `osmImport.${path}: ${reason}` });
  const value: OsmImportSettings = {};
  const o = isObj(raw) ? raw.osmImport : undefined;
  if (o === undefined) return { value, errors };
  if (!isObj(o)) {
    errors.push({ file, index: -1, reason: 'osmImport: must be an object' });
    return { value, errors };
  }
  for (const k of Object.keys(o)) if (!['footProfile', 'populationDensity', 'placePopulation'].includes(k)) err(k, 'unknown field');
  if (o.footProfile !== undefined) {
    if (!isObj(o.footProfile)) err('footProfile', 'must be an object');
    else {
      const over: Partial<FootProfile> = {};
      for (const [k, v] of Object.entries(o.footProfile)) {
        if (k === 'ferries' || k === 'obeyBarriers') {
          if (typeof v === 'boolean') over[k] = v;
          else err(`footProfile.${k}`, 'must be true or false');
        } else if (k in FOOT_PROFILE) {
          if (Array.isArray(v) && v.every((s) => typeof s === 'string')) (over as Record<string, string[]>)[k] = v as string[];
          else err(`footProfile.${k}`, 'must be a list of tag values');
        } else err(`footProfile.${k}`, 'unknown field');
      }
      value.footProfile = mergeFootProfile(over);
    }
  }
  if (o.populationDensity !== undefined) {
    const d = o.populationDensity;
    const ok = (v: unknown): v is number => typeof v === 'number' && v >= 0 && Number.isFinite(v);
    if (isObj(d) && ok(d.urban) && ok(d.rural)) value.populationDensity = { urban: d.urban, rural: d.rural };
    else err('populationDensity', 'must be { "urban": residents per km², "rural": residents per km² }');
  }
  if (o.placePopulation !== undefined) {
    const p = o.placePopulation;
    if (isObj(p) && Object.values(p).every((v) => typeof v === 'number' && v >= 0)) value.placePopulation = p as Record<string, number>;
    else err('placePopulation', 'must map place values to residents, e.g. { "village": 300 }');
  }
  return { value, errors };
}
