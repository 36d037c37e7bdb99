import { describe, expect, it } from 'vitest';
import { initialSitingState, type SitingState } from '../../../src/app/siting-store';
import { proposalSlice, proposalToShow } from '../../../src/app/layers/proposal-on-map';

const site = (lon: number, rank: number) => ({ lon, lat: 29.8, rank, gainPopulation: 10, coveredIds: [] });
const state = (patch: Partial<SitingState>): SitingState => ({ ...initialSitingState(), category: 'clinic', ...patch });

describe('the proposal the map shows', () => {
  it('holds the state of a drag’s start until the drag ends, then shows the latest', () => {
    const before = state({ sites: [site(121.5, 1), site(121.6, 2)], numbers: [1, 2] });
    let shown = proposalToShow(undefined, proposalSlice(before));
    expect(shown.sites).toBe(before.sites);
    // the drag begins: the map leaves the dragged site to the pointer's disc
    shown = proposalToShow(shown, proposalSlice({ ...before, dragging: 1 }));
    const atStart = shown;
    expect(atStart.dragging).toBe(1);
    // moves and answers change sites, samples and newly covered communities: the map holds
    const moved = { ...before, dragging: 1, sites: [site(121.5, 1), site(121.65, 2)], coveredSamples: Float64Array.of(121.6, 29.8) };
    expect(proposalToShow(shown, proposalSlice(moved))).toBe(atStart);
    // the drag ends: the latest state
    const ended = { ...moved, dragging: null, newlyCovered: Uint32Array.of(3) };
    shown = proposalToShow(atStart, proposalSlice(ended));
    expect(shown.sites).toBe(moved.sites);
    expect(shown.newlyCovered).toBe(ended.newlyCovered);
    expect(shown.dragging).toBeNull();
  });

  it('keeps the same object when nothing it reads changed, and follows other edits at once', () => {
    const s = state({ sites: [site(121.5, 1)], numbers: [1] });
    const shown = proposalToShow(undefined, proposalSlice(s));
    expect(proposalToShow(shown, proposalSlice({ ...s, share: 0.5, editMs: 12 }))).toBe(shown);
    const added = { ...s, sites: [...s.sites, site(121.7, 2)], numbers: [1, 2] };
    expect(proposalToShow(shown, proposalSlice(added)).sites).toBe(added.sites);
  });
});
