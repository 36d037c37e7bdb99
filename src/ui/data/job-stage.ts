/**
 * The worker's stage names (actions: `reading`, `sample`, `restoring`; engine/analyze: `demand
 * samples`, `travel model`, `travel times: <category>`, `coverage`, `done`) as i18n keys.
 */

/** The i18n key and parameters for a stage; unknown stages are shown as given (`key` null). */
export function jobStageKey(stage: string): { key: string | null; category?: string } {
  const m = /^travel times: (.+)$/.exec(stage);
  if (m) return { key: 'workspace.stage.travelTimes', category: m[1] as string };
  const known: Record<string, string> = {
    reading: 'reading', sample: 'sample', restoring: 'restoring', 'demand samples': 'demandSamples',
    'travel model': 'travelModel', coverage: 'coverage', done: 'done',
  };
  const k = known[stage];
  return { key: k ? `workspace.stage.${k}` : null };
}
