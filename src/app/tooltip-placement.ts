/**
 * Where the map tooltip goes: right of and below the pointer, flipped to the left of it near the
 * right edge and above it near the bottom edge, so it stays inside the map (ui/map/map-picking.ts
 * sets the returned style): `translate(x, y)` to the pointer, then a second translate by the gap or
 * by the tooltip's own size (percentages), whatever its text.
 */

/** Widest the tooltip may get (px); longer text wraps. */
export const TOOLTIP_MAX_WIDTH = 280;
/** Tallest tooltip expected (px) when deciding to flip up. */
const TOOLTIP_EXPECTED_HEIGHT = 140;
/** Gap between the pointer and the tooltip (px). */
const GAP = 12;

/** The CSS style of the tooltip at pointer (x, y) in a map of `width` × `height` pixels. */
export function tooltipPlacement(x: number, y: number, width: number, height: number): { transform: string; maxWidth: string } {
  const flipX = width > 0 && x + GAP + TOOLTIP_MAX_WIDTH > width;
  const flipY = height > 0 && y + GAP + TOOLTIP_EXPECTED_HEIGHT > height;
  const dx = flipX ? `calc(-100% - ${GAP}px)` : `${GAP}px`;
  const dy = flipY ? `calc(-100% - ${GAP}px)` : `${GAP}px`;
  return { transform: `translate(${x}px, ${y}px) translate(${dx}, ${dy})`, maxWidth: `${TOOLTIP_MAX_WIDTH}px` };
}
