/**
 * Hover text and click selection on the map without a GPU picking pass: the cursor's screen
 * position becomes a WGS84 position and a local projection frame (map.unproject, then the inverse
 * display shift, app/basemap/display-shift.ts), and the CPU picking of app/picking answers what is
 * under it from the data. Hover is picked at most once per animation frame, at the latest mouse
 * position; a click picks within 2 px among the selectable layers (facilities, communities).
 */
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { currentDisplayShift } from '../../app/basemap/basemap-store';
import { fromDisplay, toDisplay } from '../../app/basemap/display-shift';
import { CLICKABLE_LAYER_IDS, clickMap } from '../../app/map-actions';
import { pickAt, type MapPick } from '../../app/picking/pick-at';
import type { PickTarget } from '../../app/picking/pick-targets';
import { screenFrame, type ScreenFrame } from '../../app/picking/screen-frame';
import { tooltipPlacement } from '../../app/tooltip-placement';
import './map-tooltip.css';

/** What the map can pick now, and the hover text of a pick (null: no tooltip). */
export interface PickContext {
  targets: readonly PickTarget[];
  text(pick: MapPick): string | null;
}

/** Pixels around the cursor within which a click still selects (as deck.gl's `radius: 2` did). */
const CLICK_REACH_PX = 2;
const CLICKABLE = new Set(CLICKABLE_LAYER_IDS);

/** The projection frame at container pixel (x, y) of the map, through the current display shift. */
function mapFrame(map: Pick<MapLibreMap, 'project' | 'unproject'>, x: number, y: number): ScreenFrame {
  const shift = currentDisplayShift();
  const at = map.unproject([x, y]);
  const [lon, lat] = fromDisplay(shift, at.lng, at.lat);
  const project = (lo: number, la: number): [number, number] => {
    const p = map.project(toDisplay(shift, lo, la));
    return [p.x, p.y];
  };
  return screenFrame(project, x, y, lon, lat);
}

/**
 * Attach hover text (a `.map-tooltip` element in the map container, text only, never HTML) and click
 * selection to the map; `context()` gives the current targets (null before data). Returns the
 * detach function.
 */
export function attachMapPicking(map: MapLibreMap, context: () => PickContext | null): () => void {
  const container = map.getContainer();
  const tip = document.createElement('div');
  tip.className = 'map-tooltip';
  tip.dataset.testid = 'map-tooltip';
  // beside the deck.gl canvas (MapLibre puts controls, the overlay among them, in the control container)
  (container.querySelector('.maplibregl-control-container') ?? container).appendChild(tip);
  let frameRequest = 0;
  let pointer: { x: number; y: number } | null = null;

  const hide = () => {
    tip.style.display = 'none';
  };
  const hover = () => {
    frameRequest = 0;
    const ctx = context();
    if (!pointer || !ctx || map.isMoving()) return hide();
    const pick = pickAt(ctx.targets, mapFrame(map, pointer.x, pointer.y), 0);
    const text = pick ? ctx.text(pick) : null;
    if (!text) return hide();
    tip.textContent = text; // names come from user files: text, never HTML
    Object.assign(tip.style, tooltipPlacement(pointer.x, pointer.y, container.clientWidth, container.clientHeight));
    tip.style.display = 'block';
  };
  const onMove = (e: MapMouseEvent) => {
    // no hover text while a button is held (panning, dragging a site), as before
    if (e.originalEvent.buttons !== 0) {
      pointer = null;
      return hide();
    }
    pointer = { x: e.point.x, y: e.point.y };
    if (!frameRequest) frameRequest = requestAnimationFrame(hover);
  };
  const onOut = () => {
    pointer = null;
    hide();
  };
  const onClick = (e: MapMouseEvent) => {
    const ctx = context();
    if (!ctx) return;
    const pick = pickAt(ctx.targets, mapFrame(map, e.point.x, e.point.y), CLICK_REACH_PX, CLICKABLE);
    clickMap(pick ? [{ layerId: pick.layerId, object: pick.object }] : []);
  };
  map.on('mousemove', onMove);
  map.on('mouseout', onOut);
  map.on('movestart', hide);
  map.on('click', onClick);
  return () => {
    if (frameRequest) cancelAnimationFrame(frameRequest);
    map.off('mousemove', onMove);
    map.off('mouseout', onOut);
    map.off('movestart', hide);
    map.off('click', onClick);
    tip.remove();
  };
}
