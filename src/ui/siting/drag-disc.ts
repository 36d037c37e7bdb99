/**
 * The proposed site being dragged, drawn as a DOM disc over the map that follows the pointer: moving
 * it redraws no WebGL canvas, while the map holds the rest of the proposal until the drag ends
 * (app/layers/proposal-on-map.ts). It looks like the deck.gl site disc (app/layers/sites-layer.ts).
 */
import type { Rgb } from '../../app/category-style';
import { SITE_RADIUS_PX } from '../../app/layers/sites-layer';
import './drag-disc.css';

/** Outer radius of the disc, pixels: the site radius and half its 3 px ring. */
const OUTER_PX = SITE_RADIUS_PX + 1.5;

/** A disc in `container` (absolutely positioned in container pixels). */
export interface DragDisc {
  /** Show the disc centred at (x, y) px with its number and ring colour. */
  show(x: number, y: number, label: string, rgb: Rgb): void;
  /** Move the shown disc's centre to (x, y) px. */
  move(x: number, y: number): void;
  hide(): void;
  remove(): void;
}

/** Create the (hidden) disc in `container`. */
export function createDragDisc(container: HTMLElement): DragDisc {
  const el = document.createElement('div');
  el.className = 'drag-disc';
  el.dataset.testid = 'drag-disc';
  container.appendChild(el);
  const move = (x: number, y: number) => {
    el.style.left = `${x - OUTER_PX}px`;
    el.style.top = `${y - OUTER_PX}px`;
  };
  return {
    show(x, y, label, rgb) {
      el.textContent = label;
      el.style.borderColor = `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})`;
      move(x, y);
      el.style.display = 'block';
    },
    move,
    hide() {
      el.style.display = 'none';
    },
    remove() {
      el.remove();
    },
  };
}
