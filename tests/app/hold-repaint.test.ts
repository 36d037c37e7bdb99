/**
 * The repaint hold of software renderers (ui/map/hold-repaint): while tiles load and the camera
 * stands still, MapLibre's repaints wait for the last tile (or the longest hold), so a zoom step is
 * drawn once (everything), not once per batch of tiles; a moving camera is drawn at once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attachRepaintHold, type HoldableMap } from '../../src/ui/map/hold-repaint';

/** A stand-in for MapLibre's map: `triggerRepaint` on the prototype (as MapLibre's), counting frames drawn. */
class FakeMap {
  frames = 0;
  moving = false;
  tilesLoaded = true;
  zoom = 10;
  private renderListeners: (() => void)[] = [];
  triggerRepaint() {
    this.frames++;
    for (const f of this.renderListeners) f();
  }
  isMoving() {
    return this.moving;
  }
  areTilesLoaded() {
    return this.tilesLoaded;
  }
  getZoom() {
    return this.zoom;
  }
  getCenter() {
    return { lng: 121.6, lat: 29.85 };
  }
  getBearing() {
    return 0;
  }
  getPitch() {
    return 0;
  }
  on(type: string, f: () => void) {
    if (type === 'render') this.renderListeners.push(f);
    return this;
  }
  off(type: string, f: () => void) {
    this.renderListeners = this.renderListeners.filter((g) => g !== f);
    return this;
  }
}

describe('attachRepaintHold', () => {
  let now = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    now = 0;
  });
  afterEach(() => vi.useRealTimers());
  const attach = (map: FakeMap) => attachRepaintHold(map as unknown as HoldableMap, 1500, 400, () => now);

  it('draws a zoom step at once, then holds the repaints of arriving tiles until the last one is in', () => {
    const map = new FakeMap();
    attach(map);
    map.zoom = 10.4; // the jump: the camera moved since the last frame
    map.triggerRepaint();
    expect(map.frames).toBe(1);
    map.tilesLoaded = false; // the jump's frame asked for new tiles
    for (let batch = 0; batch < 5; batch++) map.triggerRepaint(); // batches arriving
    expect(map.frames).toBe(1);
    map.tilesLoaded = true; // the last batch
    map.triggerRepaint();
    expect(map.frames).toBe(2);
  });

  it("draws a jump of the camera once, when the new view's tiles are in, where the map can ask for them without a frame", async () => {
    const map = new FakeMap();
    const asked: unknown[] = [];
    const withStyle = Object.assign(map, {
      _camera: { transform: { zoom: 10 } },
      style: {
        _updateSources(transform: unknown) {
          asked.push(transform);
          map.tilesLoaded = false; // the new view's tiles are on their way
        },
      },
    });
    attach(withStyle);
    map.zoom = 10.4; // a zoom step: MapLibre asks for the repaint from the step's move event, still "moving"
    map.moving = true;
    map.triggerRepaint();
    map.moving = false;
    await Promise.resolve();
    expect(asked).toEqual([{ zoom: 10 }]); // asked for the tiles of the view…
    expect(map.frames).toBe(0); // …and did not draw the old tiles scaled
    map.triggerRepaint(); // a batch of tiles arrives
    expect(map.frames).toBe(0);
    expect(asked).toHaveLength(1); // the same view is asked for once
    map.tilesLoaded = true;
    map.triggerRepaint();
    expect(map.frames).toBe(1);
    // the next step's tiles are slow: the step is drawn (the old tiles scaled) after 400 ms, not 1.5 s
    map.zoom = 10.8;
    map.triggerRepaint();
    expect(map.frames).toBe(1);
    now = 400;
    vi.advanceTimersByTime(400);
    expect(map.frames).toBe(2);
  });

  it('draws anyway after the longest hold, and at once while the camera moves', async () => {
    const map = new FakeMap();
    attach(map);
    map.tilesLoaded = false;
    map.triggerRepaint();
    expect(map.frames).toBe(0);
    now = 1499;
    vi.advanceTimersByTime(1499);
    expect(map.frames).toBe(0);
    now = 1500;
    vi.advanceTimersByTime(1);
    expect(map.frames).toBe(1); // a slow source does not freeze the map
    map.moving = true; // a drag: every frame is drawn (decided at the end of the task, as MapLibre's jumps still count as moving in their events)
    map.triggerRepaint();
    await Promise.resolve();
    map.triggerRepaint();
    await Promise.resolve();
    expect(map.frames).toBe(3);
  });

  it("restores MapLibre's own repaint when detached", () => {
    const map = new FakeMap();
    const detach = attach(map);
    detach();
    map.tilesLoaded = false;
    map.triggerRepaint();
    expect(map.frames).toBe(1);
    expect(Object.prototype.hasOwnProperty.call(map, 'triggerRepaint')).toBe(false);
  });
});
