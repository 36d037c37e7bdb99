/**
 * Whether WebGL runs in a software renderer (no GPU): SwiftShader (Chromium without a GPU),
 * llvmpipe/softpipe (Mesa), Microsoft's Basic Render Driver (WARP, Windows virtual machines).
 * Government desktops often run in such virtual machines; there every full map frame costs
 * 0.1–0.4 s of CPU, so the map drops its animations (a zoom step is drawn once, not over six frames).
 */

/** Renderer names (the unmasked WebGL `RENDERER`) of software rasterisers, lower case. */
const SOFTWARE_RENDERERS = ['swiftshader', 'llvmpipe', 'softpipe', 'software rasterizer', 'basic render driver', 'warp'];

/** True when `renderer` (WebGL's unmasked renderer string) names a software rasteriser. */
export function isSoftwareRenderer(renderer: string): boolean {
  const r = renderer.toLowerCase();
  return SOFTWARE_RENDERERS.some((name) => (name === 'warp' ? /\bwarp\b/.test(r) : r.includes(name)));
}

let detected: boolean | undefined;

/**
 * Whether this browser draws WebGL in software, read once from a 1 × 1 WebGL context that is then
 * released (about 10–40 ms the first time in SwiftShader). False when WebGL or the renderer name is
 * not available (then nothing changes).
 */
export function softwareRendering(): boolean {
  if (detected !== undefined) return detected;
  detected = false;
  try {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return detected;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name: unknown = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
    detected = typeof name === 'string' && isSoftwareRenderer(name);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    // no WebGL here: the map reports that itself
  }
  return detected;
}
