/** The map tooltip flips left near the right edge and up near the bottom edge, staying inside the map. */
import { describe, expect, it } from 'vitest';
import { TOOLTIP_MAX_WIDTH, tooltipPlacement } from '../../src/app/tooltip-placement';

/** Left/top of a tooltip of size w × h placed by the transform (parsing the two translates). */
function box(x: number, y: number, W: number, H: number, w: number, h: number) {
  const t = tooltipPlacement(x, y, W, H).transform;
  const m = /translate\((-?[\d.]+)px, (-?[\d.]+)px\) translate\((.+), (.+)\)$/.exec(t)!;
  const off = (s: string, size: number) =>
    s.startsWith('calc(-100%') ? -size - Number(/(\d+)px\)$/.exec(s)![1]) : Number(s.replace('px', ''));
  const left = Number(m[1]) + off(m[3]!, w);
  const top = Number(m[2]) + off(m[4]!, h);
  return { left, top, right: left + w, bottom: top + h };
}

describe('tooltipPlacement', () => {
  it('stays inside a 1000 × 700 map wherever the pointer is', () => {
    for (const x of [0, 10, 400, 700, 850, 990, 1000])
      for (const y of [0, 30, 350, 600, 690, 700]) {
        const b = box(x, y, 1000, 700, TOOLTIP_MAX_WIDTH, 120);
        expect(b.left).toBeGreaterThanOrEqual(0);
        expect(b.right).toBeLessThanOrEqual(1000);
        expect(b.top).toBeGreaterThanOrEqual(0);
        expect(b.bottom).toBeLessThanOrEqual(700);
      }
  });
  it('sits right of and below the pointer when there is room, and caps the width', () => {
    const p = tooltipPlacement(100, 100, 1000, 700);
    expect(p.transform).toBe('translate(100px, 100px) translate(12px, 12px)');
    expect(p.maxWidth).toBe(`${TOOLTIP_MAX_WIDTH}px`);
    expect(tooltipPlacement(950, 680, 1000, 700).transform).toBe(
      'translate(950px, 680px) translate(calc(-100% - 12px), calc(-100% - 12px))',
    );
  });
});
