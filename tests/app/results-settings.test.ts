/**
 * Settings actions against the real engine session (in-process instead of the worker): slider moves
 * are coalesced and the last one wins, the preset switch and opened files go through the worker's
 * validation (reasons listed, old settings kept), and a saved settings file reads back identically
 * with the CLI's reader.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createSession } from '../../src/worker/session';
import { datasetCollections } from '../../src/app/dataset-collections';
import { useAppStore } from '../../src/app/store';
import { getPreset, PRESETS } from '../../src/engine/presets';
import { parseSettingsText } from '../../src/io/settings';
import type { Settings } from '../../src/engine/model';

const session = createSession();
const calls = { setSettings: 0, coverage: 0 };
vi.mock('../../src/app/engine-client', () => ({
  engine: () =>
    new Proxy(session, {
      get: (target, key) => {
        if (key === 'setSettings') calls.setSettings++;
        if (key === 'coverage') calls.coverage++;
        const v = target[key as keyof typeof target];
        return typeof v === 'function' ? async (...args: unknown[]) => (v as (...a: unknown[]) => unknown)(...args) : v;
      },
    }),
  callback: <T>(f: T) => f,
  terminateEngine: () => {},
}));

const { queueThreshold, switchPreset, switchPresetKeepingNote, openSettingsFile, settingsFileText, withThreshold, setWalkSpeed } =
  await import('../../src/app/settings-actions');
const { runCoverage } = await import('../../src/app/actions');

const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === 'object') {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
};

beforeAll(async () => {
  const SAMPLE = resolve(__dirname, '../../data/sample');
  let view = null;
  for (const l of ['facilities', 'communities', 'roads'] as const) {
    view = (await session.loadLayer(l, `${l}.geojson`, new Uint8Array(readFileSync(resolve(SAMPLE, `${l}.geojson`))))).dataset;
  }
  useAppStore.setState({ data: datasetCollections(view!, 'sample'), status: 'ready' });
  await runCoverage();
}, 60_000);

/** Covered share of a category under `settings`, from a fresh session (the oracle). */
async function freshShare(settings: Settings, categoryId: string): Promise<number> {
  const s = createSession();
  const SAMPLE = resolve(__dirname, '../../data/sample');
  for (const l of ['facilities', 'communities', 'roads'] as const) {
    await s.loadLayer(l, `${l}.geojson`, new Uint8Array(readFileSync(resolve(SAMPLE, `${l}.geojson`))));
  }
  expect(s.setSettings(settings).ok).toBe(true);
  const cov = s.coverage();
  return cov.totals[cov.categoryIds.indexOf(categoryId)]!.share;
}

describe('settings actions', () => {
  it('coalesces a dragged slider: far fewer worker calls than moves, the last value wins, numbers match a fresh analysis', async () => {
    expect(useAppStore.getState().coverage).not.toBeNull();
    const before = { ...calls };
    const moves = Array.from({ length: 30 }, (_, i) => 5 + i); // 5 … 34 minutes
    const done = moves.map((m) => queueThreshold('clinic', 'urban', m));
    // another slider moved during the drag must not be lost nor undo the first
    done.push(queueThreshold('sports', 'rural', 7));
    expect(await Promise.all(done)).toEqual(done.map(() => true));
    const s = useAppStore.getState();
    expect(s.settings!.categories.find((c) => c.id === 'clinic')!.thresholdMinutes.urban).toBe(34);
    expect(s.settings!.categories.find((c) => c.id === 'sports')!.thresholdMinutes.rural).toBe(7);
    expect(calls.setSettings - before.setSettings).toBeLessThanOrEqual(3);
    const k = s.coverage!.categoryIds.indexOf('clinic');
    expect(s.coverage!.totals[k]!.share).toBeCloseTo(await freshShare(s.settings!, 'clinic'), 12);
  }, 60_000);

  it("switches preset with the settings-file shape: thresholds become the preset's", async () => {
    expect(await switchPreset('gb50180')).toBe(true);
    const s = useAppStore.getState();
    expect(s.settings!.preset).toBe('gb50180');
    expect(s.settings!.categories.map((c) => [c.id, c.thresholdMinutes])).toEqual(
      getPreset('gb50180')!.settings.categories.map((c) => [c.id, c.thresholdMinutes]),
    );
    expect(s.settingsErrors).toEqual([]);
    const k = s.coverage!.categoryIds.indexOf('canteen');
    expect(s.coverage!.totals[k]!.share).toBeCloseTo(await freshShare(s.settings!, 'canteen'), 12);
  }, 60_000);

  it('a threshold typed just before a preset switch is named as replaced, even while it is still queued', async () => {
    expect(await switchPreset('ningbo')).toBe(true);
    const typed = queueThreshold('clinic', 'urban', 12); // not awaited: the switch comes right after
    const note = await switchPresetKeepingNote('gb50180');
    expect(await typed).toBe(true);
    expect(note.replaced.map((t) => [t.categoryId, t.kind, t.minutes])).toContainEqual(['clinic', 'urban', 12]);
    expect(useAppStore.getState().settings!.preset).toBe('gb50180');
  }, 60_000);

  it('refuses an unknown preset, a bad file and out-of-range speeds with the reasons; old settings stay', async () => {
    const keep = useAppStore.getState().settings;
    expect(await switchPreset('nowhere')).toBe(false);
    expect(useAppStore.getState().settingsErrors.join('\n')).toMatch(
      /^settings: preset: .*"nowhere" is not a preset; known: ningbo, gb50180/,
    );
    expect(useAppStore.getState().settings).toEqual(keep);

    expect(await openSettingsFile('mine.json', '{\n  "detourFactor": 1.2,\n  "model": "bus",\n  "colour": 1\n}')).toBe(false);
    const errs = useAppStore.getState().settingsErrors;
    expect(errs.some((e) => e.startsWith('mine.json: model:'))).toBe(true);
    expect(errs.some((e) => e.startsWith('mine.json: colour: unknown field'))).toBe(true);
    expect(useAppStore.getState().settings).toEqual(keep);

    expect(await openSettingsFile('broken.json', '{\n  "preset": "ningbo",\n}')).toBe(false);
    expect(useAppStore.getState().settingsErrors).toEqual([expect.stringMatching(/^broken\.json: invalid JSON at line 3, column 1/)]);

    expect(await setWalkSpeed('urban', 500)).toBe(false);
    expect(useAppStore.getState().settingsErrors.join('\n')).toMatch(/walkSpeedKmh\.urban: 500 must be ≤ 50/);
    expect(useAppStore.getState().settings).toEqual(keep);
  }, 60_000);

  it('opens a settings file: its values are applied over its preset', async () => {
    expect(
      await openSettingsFile(
        'plan.json',
        '\ufeff{"preset": "ningbo", "categories": [{"id": "clinic", "thresholdMinutes": {"urban": 12, "rural": 18}}]}',
      ),
    ).toBe(true);
    const s = useAppStore.getState().settings!;
    expect(s.preset).toBe('ningbo');
    expect(s.categories.find((c) => c.id === 'clinic')!.thresholdMinutes).toEqual({ urban: 12, rural: 18 });
    expect(useAppStore.getState().settingsErrors).toEqual([]);
  }, 60_000);
});

describe('settings files', () => {
  it('a saved file reads back as the same settings with the CLI reader (every preset, and changed values)', () => {
    const variants: Settings[] = PRESETS.map((p) => deepFreeze(structuredClone(p.settings) as Settings));
    variants.push(deepFreeze({ ...withThreshold(variants[0]!, 'culture', 'rural', 33), detourFactor: 1.45, model: 'straight' }));
    for (const v of variants) {
      const text = settingsFileText(v);
      expect(text.endsWith('}\n')).toBe(true);
      const back = parseSettingsText(text, 'saved.json');
      expect(back.errors).toEqual([]);
      expect(back.value).toEqual(v);
    }
  });

  it('withThreshold changes one value of one category and leaves its input alone', () => {
    const base = deepFreeze(structuredClone(getPreset('ningbo')!.settings) as Settings);
    const next = withThreshold(base, 'sports', 'urban', 25);
    base.categories.forEach((c, k) => {
      const n = next.categories[k]!;
      expect(n.thresholdMinutes).toEqual(c.id === 'sports' ? { urban: 25, rural: c.thresholdMinutes.rural } : c.thresholdMinutes);
    });
    expect(base.categories.find((c) => c.id === 'sports')!.thresholdMinutes.urban).toBe(10);
  });
});
