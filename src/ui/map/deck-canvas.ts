/**
 * Takes the deck.gl overlay's canvas out of the page's frames while it has no layer to draw. In
 * Chromium's software renderer every WebGL canvas on screen is read back and composited each
 * frame it changes, and the overlay clears and commits its (empty) canvas on every map render;
 * hidden (`display: none`), the canvas is no part of the frame. Shown again as soon as a layer is
 * there (heat, straight-line service circles, proposed sites).
 */
import type { MapboxOverlay } from '@deck.gl/mapbox';

/**
 * Shows or hides the overlay's canvas (its container when overlaid on the map).
 * @param layerCount number of deck.gl layers the overlay has
 */
export function showDeckCanvas(overlay: MapboxOverlay, layerCount: number): void {
  const canvas = overlay.getCanvas();
  const box = canvas?.parentElement ?? canvas;
  if (!box) return;
  const display = layerCount > 0 ? '' : 'none';
  if (box.style.display !== display) box.style.display = display;
}
