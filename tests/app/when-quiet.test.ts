/**
 * whenQuiet (src/app/render/when-quiet.ts): what waits for the first open to be over starts after a
 * quiet spell without long tasks, restarts its wait at each long task, and never waits longer than
 * its cap. Long tasks come from a stand-in for the Long Tasks API under fake timers.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenQuiet } from '../../src/app/render/when-quiet';

type Entry = { startTime: number; duration: number };
let observers: ((entries: Entry[]) => void)[] = [];
class FakeObserver {
  static supportedEntryTypes = ['longtask'];
  constructor(private readonly cb: (list: { getEntries(): Entry[] }) => void) {}
  observe(): void {
    observers.push((entries) => this.cb({ getEntries: () => entries }));
  }
  disconnect(): void {
    observers = [];
  }
}
/** A long task of `ms` that ends now. */
const longTask = (ms: number) => observers.forEach((o) => o([{ startTime: performance.now() - ms, duration: ms }]));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
  vi.stubGlobal('PerformanceObserver', FakeObserver);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  observers = [];
});

describe('whenQuiet', () => {
  it('waits for a quiet spell after the last long task', async () => {
    let done = false;
    void whenQuiet(2000, 20_000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(1500);
    longTask(400); // the map draws a frame: the quiet spell starts again
    await vi.advanceTimersByTimeAsync(1900);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(done).toBe(true);
    expect(observers).toEqual([]); // it stopped observing
  });

  it('gives up waiting at the cap on a page that never rests', async () => {
    let done = false;
    void whenQuiet(2000, 5000).then(() => (done = true));
    for (let t = 0; t < 4900; t += 500) {
      await vi.advanceTimersByTimeAsync(500);
      longTask(100);
    }
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(done).toBe(true);
  });

  it('waits the quiet time alone where long tasks cannot be observed', async () => {
    vi.stubGlobal('PerformanceObserver', undefined);
    let done = false;
    void whenQuiet(2000, 20_000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(1990);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(done).toBe(true);
  });
});
