/**
 * A failing worker is seen, not swallowed: a settings change the worker fails on lists the reason
 * with the refused settings (and the old settings stay), a failed map detail or layer removal shows
 * the reason in the data notice and ends the job bar, while a selection whose index vanished with a
 * new dataset stays quiet (the card shows what the store has).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getPreset } from '../../src/engine/presets';
import type { CoverageView } from '../../src/engine/coverage/coverage-view';

const failures = { setSettings: '', servedBy: '', clearLayer: '' };
const fail = (key: keyof typeof failures) => async () => {
  throw new Error(failures[key]);
};
vi.mock('../../src/app/engine-client', () => ({
  engine: () => ({ setSettings: fail('setSettings'), servedBy: fail('servedBy'), clearLayer: fail('clearLayer') }),
  callback: <T>(f: T) => f,
  terminateEngine: () => {},
  onEngineFailure: () => {},
}));

const { queueThreshold, switchPreset } = await import('../../src/app/settings-actions');
const { refreshSelectionDetail } = await import('../../src/app/map-actions');
const { removeLayer } = await import('../../src/app/actions');
const { useAppStore, initialState } = await import('../../src/app/store');

const settings = () => structuredClone(getPreset('ningbo')!.settings);
const coverage = { categoryIds: ['clinic'], totals: [] } as unknown as CoverageView;

beforeEach(() => {
  useAppStore.setState(initialState('en'), true);
});

describe('worker failures reach the user', () => {
  it('lists the reason of a failed settings change and keeps the old settings', async () => {
    const before = settings();
    useAppStore.setState({ settings: before });
    failures.setSettings = 'worker ran out of memory';
    expect(await queueThreshold('clinic', 'urban', 12)).toBe(false);
    expect(useAppStore.getState().settingsErrors.join('\n')).toContain('worker ran out of memory');
    expect(useAppStore.getState().settings).toBe(before);

    failures.setSettings = 'preset table missing';
    expect(await switchPreset('gb50180')).toBe(false);
    expect(useAppStore.getState().settingsErrors.join('\n')).toContain('preset table missing');
  });

  it('shows a failed map detail in the data notice, but not a selection that vanished with its dataset', async () => {
    useAppStore.setState({ coverage, selection: { type: 'facility', index: 3 }, job: { stage: 'coverage', fraction: 0.5 } });
    failures.servedBy = 'servedBy: no facility 3 (2 facilities)';
    await refreshSelectionDetail();
    expect(useAppStore.getState().error).toBeNull();

    failures.servedBy = 'DataCloneError: could not clone';
    await refreshSelectionDetail();
    expect(useAppStore.getState().error).toBe('DataCloneError: could not clone');
    expect(useAppStore.getState().job).toBeNull();
  });

  it('shows a failed layer removal in the data notice', async () => {
    failures.clearLayer = 'worker terminated';
    await removeLayer('roads');
    expect(useAppStore.getState().error).toBe('worker terminated');
  });
});
