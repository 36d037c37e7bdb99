import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer } from '../../src/app/render/software-renderer';
import { wheelZoomDelta } from '../../src/ui/map/instant-wheel-zoom';

describe('isSoftwareRenderer', () => {
  it('names the software rasterisers browsers report', () => {
    expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(true);
    expect(isSoftwareRenderer('Google SwiftShader')).toBe(true);
  });
  it('leaves GPUs alone', () => {
    expect(isSoftwareRenderer('ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)')).toBe(false);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false);
    expect(isSoftwareRenderer('Apple M1')).toBe(false);
    expect(isSoftwareRenderer('AMD Radeon Pro 5500M OpenGL Engine (Forward)')).toBe(false);
  });
});

describe('wheelZoomDelta (the jumping wheel zoom of software renderers)', () => {
  it("zooms as far per wheel step as MapLibre's wheel handler: in for negative deltas, out for positive", () => {
    // MapLibre: scale = 2 / (1 + e^(-|delta| / 450)); 300 px → 2 / (1 + e^(-2/3)) = 1.3213…, log2 = 0.4020…
    expect(wheelZoomDelta(-300)).toBeCloseTo(0.402, 3);
    expect(wheelZoomDelta(300)).toBeCloseTo(-0.402, 3);
    expect(wheelZoomDelta(0)).toBe(0);
  });
  it('uses the trackpad rate for small deltas and never zooms more than one level per event', () => {
    expect(wheelZoomDelta(-4)).toBeCloseTo(Math.log2(2 / (1 + Math.exp(-0.04))), 6);
    expect(wheelZoomDelta(-1e6)).toBeCloseTo(1, 6);
    expect(Math.abs(wheelZoomDelta(1e6))).toBeLessThanOrEqual(1);
  });
});
