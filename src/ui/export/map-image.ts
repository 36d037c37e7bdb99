/**
 * The map image export: the map framed on the study area with a legend, a scale bar and the credits
 * drawn into the picture, so the PNG explains itself when pasted into a report.
 */
import { capturedMap, captureMap, scaleBar, withStudyArea } from './map-capture';

/** One legend entry: a colour, how it is drawn and its label. */
export interface LegendEntry {
  color: string;
  shape: 'dot' | 'area' | 'ring';
  label: string;
}

/** A length in metres as the scale bar writes it (`500 m`, `2 km`). */
export function formatScaleLength(meters: number): string {
  return meters >= 1000 ? `${meters / 1000} km` : `${meters} m`;
}

/**
 * Draw a legend (top left) and a scale bar (bottom left) onto a captured map canvas.
 *
 * @param canvas device-pixel canvas of the map; drawn on
 * @param ratio device pixels per CSS pixel
 */
function drawMapDecorations(
  canvas: HTMLCanvasElement,
  title: string,
  entries: readonly LegendEntry[],
  scale: { meters: number; pixels: number } | null,
  attribution: string,
  ratio: number,
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.save();
  ctx.scale(ratio, ratio);
  const font = "12px system-ui, 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";
  ctx.font = font;
  const row = 18;
  const legend = title !== '' || entries.length > 0;
  const width = Math.max(ctx.measureText(title).width + 8, ...entries.map((e) => ctx.measureText(e.label).width + 30)) + 16;
  const height = 28 + entries.length * row + 6;
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.strokeStyle = '#d9dce1';
  if (legend) ctx.fillRect(10, 10, width, height);
  if (legend) ctx.strokeRect(10.5, 10.5, width, height);
  ctx.fillStyle = '#1f2328';
  ctx.font = `bold ${font}`;
  ctx.fillText(title, 18, 28);
  ctx.font = font;
  entries.forEach((e, i) => {
    const y = 28 + (i + 1) * row;
    ctx.fillStyle = e.color;
    ctx.strokeStyle = e.color;
    if (e.shape === 'dot') {
      ctx.beginPath();
      ctx.arc(25, y - 4, 5, 0, Math.PI * 2);
      ctx.fill();
    } else if (e.shape === 'ring') {
      ctx.fillStyle = '#fff';
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.arc(25, y - 4, 6, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
      ctx.lineWidth = 1;
    } else {
      ctx.globalAlpha = 0.4;
      ctx.fillRect(18, y - 10, 14, 11);
      ctx.globalAlpha = 1;
      ctx.strokeRect(18.5, y - 9.5, 13, 10);
    }
    ctx.fillStyle = '#1f2328';
    ctx.fillText(e.label, 40, y);
  });
  if (scale) {
    const h = canvas.height / ratio;
    const x = 14;
    const y = h - 18;
    ctx.fillStyle = 'rgba(255,255,255,0.85)';
    ctx.fillRect(x - 4, y - 18, scale.pixels + 60, 26);
    ctx.strokeStyle = '#1f2328';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x, y - 6);
    ctx.lineTo(x, y);
    ctx.lineTo(x + scale.pixels, y);
    ctx.lineTo(x + scale.pixels, y - 6);
    ctx.stroke();
    ctx.fillStyle = '#1f2328';
    ctx.fillText(formatScaleLength(scale.meters), x + scale.pixels + 6, y);
  }
  if (attribution) {
    // the credits inside the picture (bottom right), so they travel with it
    const w = canvas.width / ratio;
    const h = canvas.height / ratio;
    ctx.font = "11px system-ui, 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";
    const tw = Math.min(ctx.measureText(attribution).width, w - 20);
    ctx.fillStyle = 'rgba(255,255,255,0.85)';
    ctx.fillRect(w - tw - 12, h - 20, tw + 12, 20);
    ctx.fillStyle = '#1f2328';
    ctx.textAlign = 'right';
    ctx.fillText(attribution, w - 6, h - 6, w - 20);
  }
  ctx.restore();
}

/**
 * The map framed on the study area (`bounds`, see {@link withStudyArea}; the current view when null)
 * with the scale bar and the credits drawn in, and the title and legend unless both are empty
 * (the print view lists the legend beside the picture); null without a map.
 */
export async function framedMap(
  title: string,
  entries: readonly LegendEntry[],
  bounds: readonly [number, number, number, number] | null,
  attribution: string,
): Promise<HTMLCanvasElement | null> {
  const map = capturedMap();
  if (!map) return null;
  const shot = await withStudyArea(bounds, async () => ({ canvas: await captureMap(), scale: scaleBar(map) }));
  const canvas = shot.canvas;
  if (!canvas) return null;
  const ratio = canvas.width / Math.max(1, map.getContainer().clientWidth);
  drawMapDecorations(canvas, title, entries, shot.scale, attribution, ratio);
  return canvas;
}

/** {@link framedMap} with title and legend, as a PNG blob; null without a map. */
export async function mapPng(
  title: string,
  entries: readonly LegendEntry[],
  bounds: readonly [number, number, number, number] | null,
  attribution: string,
): Promise<Blob | null> {
  const canvas = await framedMap(title, entries, bounds, attribution);
  if (!canvas) return null;
  return new Promise((resolve) => canvas.toBlob((b) => resolve(b), 'image/png'));
}
