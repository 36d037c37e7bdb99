/**
 * Analysis warnings grouped for the results panel: off-network communities, off-network facilities
 * (they serve no one; a separate group, never listed as communities), communities that reach
 * no facility, categories without facilities, no roads (straight-line fallback), anything else. The
 * reasons are the engine's (src/engine/analyze.ts); the group is read from their wording.
 */

/** An analysis warning as the store keeps it. */
export interface AnalysisWarning {
  file: string;
  index: number;
  id?: string;
  reason: string;
}

export type WarningKind = 'offNetwork' | 'facilityOffNetwork' | 'unreachable' | 'noFacility' | 'noRoads' | 'other';

/** Display order of the groups. */
export const WARNING_KINDS: readonly WarningKind[] = ['noRoads', 'noFacility', 'offNetwork', 'facilityOffNetwork', 'unreachable', 'other'];

/** The group of one warning. */
export function warningKind(w: AnalysisWarning): WarningKind {
  if (/\bis off-network\b/.test(w.reason)) return /^facility\b/.test(w.reason) ? 'facilityOffNetwork' : 'offNetwork';
  if (/\breaches no facility\b/.test(w.reason)) return 'unreachable';
  if (/^no facility of category\b/.test(w.reason)) return 'noFacility';
  if (/^no roads loaded\b/.test(w.reason)) return 'noRoads';
  return 'other';
}

/** One group: its kind and its warnings in input order. */
export interface WarningGroup {
  kind: WarningKind;
  items: AnalysisWarning[];
}

/** Non-empty groups in {@link WARNING_KINDS} order; every warning is in exactly one group. */
export function groupWarnings(warnings: readonly AnalysisWarning[]): WarningGroup[] {
  const by = new Map<WarningKind, AnalysisWarning[]>();
  for (const w of warnings) {
    const k = warningKind(w);
    const list = by.get(k);
    if (list) list.push(w);
    else by.set(k, [w]);
  }
  return WARNING_KINDS.flatMap((kind) => {
    const items = by.get(kind);
    return items ? [{ kind, items }] : [];
  });
}
