import { describe, expect, it } from 'vitest';
import { LazyLoadError, lazyModule } from '../../src/app/lazy-module';

describe('lazyModule', () => {
  it('loads once and shares the load between callers', async () => {
    let loads = 0;
    const load = lazyModule(async () => ({ n: ++loads }));
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(await load()).toBe(a);
    expect(loads).toBe(1);
  });

  it('a failed load rejects with a LazyLoadError naming the reason, and the next call tries again', async () => {
    let loads = 0;
    const load = lazyModule(async () => {
      loads++;
      if (loads === 1) throw new TypeError('Failed to fetch dynamically imported module: chart-specs.js');
      return { ok: true };
    });
    const first = await load().catch((e: unknown) => e);
    expect(first).toBeInstanceOf(LazyLoadError);
    expect((first as Error).message).toBe('Failed to fetch dynamically imported module: chart-specs.js');
    expect(await load()).toEqual({ ok: true });
    expect(loads).toBe(2);
  });
});
