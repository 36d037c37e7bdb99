/**
 * Label placement without a trailing frame (ui/map/placement-once): with fade duration 0, a full
 * placement committed in the frame that indexed new label tiles asks for no second frame; everything
 * else MapLibre decides is left as it was.
 */
import { describe, expect, it } from 'vitest';
import { placeOnce, type PlacingStyle } from '../../src/ui/map/placement-once';

class FakePlacement {
  stale = false;
  constructor(
    private readonly changedAt = -Infinity,
    private readonly fadeDuration = 0,
  ) {}
  hasTransitions(now: number) {
    return this.stale || now - this.changedAt < this.fadeDuration;
  }
}

/**
 * MapLibre's `Style._updatePlacement` in short: new label buckets (`bucketsChanged`) start a new
 * placement; with fade 0 it is a full one, run to the end and committed at once, and then marked
 * stale all the same; returns whether another frame is wanted.
 */
class FakeStyle implements PlacingStyle {
  placement?: FakePlacement;
  pauseablePlacement = { isDone: () => this.done };
  done = true;
  bucketsChanged = false;
  calls = 0;
  _updatePlacement(_transform: unknown, _boxes: boolean, fadeDuration: number): boolean {
    this.calls++;
    if (this.bucketsChanged || !this.placement) {
      if (fadeDuration === 0 || this.done) {
        this.placement = new FakePlacement(0, fadeDuration);
        if (this.bucketsChanged) this.placement.stale = true;
      }
    }
    this.bucketsChanged = false;
    return !this.done || this.placement!.hasTransitions(1000);
  }
}

describe('placeOnce', () => {
  it('a full placement committed with new label tiles asks for no further frame (MapLibre asked for one)', () => {
    const plain = new FakeStyle();
    plain._updatePlacement(null, false, 0);
    plain.bucketsChanged = true;
    expect(plain._updatePlacement(null, false, 0)).toBe(true); // MapLibre alone: one more frame

    const style = new FakeStyle();
    expect(placeOnce(style, () => 1000)).toBe(true);
    style._updatePlacement(null, false, 0);
    style.bucketsChanged = true;
    expect(style._updatePlacement(null, false, 0)).toBe(false);
    expect(style.placement!.stale).toBe(false);
    expect(style.calls).toBe(2);
  });

  it('leaves a placement that is not finished, a fading one and a stale one from an earlier frame alone', () => {
    const style = new FakeStyle();
    placeOnce(style, () => 1000);
    style._updatePlacement(null, false, 0);
    style.done = false; // still placing: more frames are needed
    style.bucketsChanged = true;
    expect(style._updatePlacement(null, false, 0)).toBe(true);

    const fading = new FakeStyle();
    placeOnce(fading, () => 1000);
    fading._updatePlacement(null, false, 300);
    fading.bucketsChanged = true;
    expect(fading._updatePlacement(null, false, 300)).toBe(true); // fade > 0: MapLibre's own decision

    const earlier = new FakeStyle();
    placeOnce(earlier, () => 1000);
    earlier._updatePlacement(null, false, 0);
    earlier.placement!.stale = true; // stale from before, no placement in this call
    expect(earlier._updatePlacement(null, false, 0)).toBe(true);
  });

  it('wraps a style once, and reports a MapLibre without the method', () => {
    const style = new FakeStyle();
    placeOnce(style);
    const wrapped = style._updatePlacement;
    expect(placeOnce(style)).toBe(true);
    expect(style._updatePlacement).toBe(wrapped);
    expect(placeOnce({})).toBe(false);
  });
});
