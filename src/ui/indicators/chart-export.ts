/**
 * Saving a chart: its SVG as a file (self-contained, with the XML namespace), or a PNG drawn from
 * that SVG on a canvas at twice the size. Nothing leaves the browser.
 */
import { downloadBlob } from '../../app/download';

/** The SVG markup of a chart (the first `svg` of `root`, legends included when Plot wraps it in a figure). */
function svgMarkup(root: Element): { text: string; width: number; height: number } | null {
  const svgs = [...root.querySelectorAll('svg')].filter((s) => s.closest('svg') === s);
  if (svgs.length === 0) return null;
  // a legend and the plot: stack them into one SVG
  let y = 0;
  let width = 0;
  const parts: string[] = [];
  for (const s of svgs) {
    const w = Number(s.getAttribute('width')) || s.getBoundingClientRect().width || 300;
    const h = Number(s.getAttribute('height')) || s.getBoundingClientRect().height || 50;
    const clone = s.cloneNode(true) as SVGSVGElement;
    clone.setAttribute('x', '0');
    clone.setAttribute('y', String(y));
    clone.setAttribute('width', String(w));
    clone.setAttribute('height', String(h));
    parts.push(new XMLSerializer().serializeToString(clone));
    y += h;
    width = Math.max(width, w);
  }
  const text = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}"><rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>`;
  return { text, width, height: y };
}

/** Offer the chart in `root` as `name.svg`. */
export function saveChartSvg(root: Element, name: string): void {
  const m = svgMarkup(root);
  if (m) downloadBlob(`${name}.svg`, new Blob([m.text], { type: 'image/svg+xml' }));
}

/** Offer the chart in `root` as `name.png` (twice the CSS size). */
export async function saveChartPng(root: Element, name: string): Promise<void> {
  const m = svgMarkup(root);
  if (!m) return;
  const url = URL.createObjectURL(new Blob([m.text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the chart could not be drawn'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = m.width * 2;
    canvas.height = m.height * 2;
    const ctx = canvas.getContext('2d')!;
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (blob) downloadBlob(`${name}.png`, blob);
  } finally {
    URL.revokeObjectURL(url);
  }
}
