/**
 * The plan's indicators as the app shows them (districts table, dashboard, charts): the engine's
 * answer for the current coverage, kept apart from the shared store. Refreshed by
 * {@link refreshIndicators} whenever the coverage changes.
 */
import { create } from 'zustand';
import type { Indicators } from '../../engine/indicators/indicators';
import type { DistrictPolygon } from '../../engine/indicators/district-polygons';
import type { BBox } from '../../engine/geo/bbox';
import { flyTo, showError } from '../actions';
import { engine } from '../engine-client';

/** Indicators state. */
export interface IndicatorsState {
  indicators: Indicators | null;
  /** District (group index) the dashboard shows besides everyone; null: everyone only. */
  district: number | null;
  /**
   * Each district's dissolved outline, in the order of `indicators.districts`; null when the
   * communities have no district (only "unassigned": nothing to outline) or not asked yet.
   */
  outlines: DistrictPolygon[] | null;
  /** Whether the outlines are drawn on the map (the planner's choice; on by default). */
  showOutlines: boolean;
}

export const useIndicatorsStore = create<IndicatorsState>(() => ({ indicators: null, district: null, outlines: null, showOutlines: true }));

/** Whether the indicators have districts from the data (not only the "unassigned" group). */
export const hasDistricts = (ind: Indicators | null): boolean => ind !== null && ind.districts.some((d) => d.name !== null);

let request = 0;

/** Ask the engine for the indicators of the current coverage; a late answer of an older request is dropped. */
export async function refreshIndicators(): Promise<void> {
  const mine = ++request;
  try {
    const indicators = await engine().indicators();
    if (mine !== request) return;
    const { district } = useIndicatorsStore.getState();
    useIndicatorsStore.setState({ indicators, district: district !== null && district < indicators.districts.length ? district : null });
    // the outlines depend on the communities only (the worker keeps them); drawn when there are districts
    const outlines = hasDistricts(indicators) ? await engine().districtOutlines() : null;
    if (mine !== request) return;
    useIndicatorsStore.setState({ outlines });
  } catch (e) {
    if (mine === request) {
      useIndicatorsStore.setState({ indicators: null });
      showError(e);
    }
  }
}

/** Forget the indicators (no coverage). */
export function clearIndicators(): void {
  request++;
  useIndicatorsStore.setState({ indicators: null, outlines: null });
}

/**
 * The web-mercator zoom at which a box fits a view of `widthPx` × `heightPx` (with a margin), at
 * most 16.
 * @param bbox `[west, south, east, north]`, degrees
 */
function zoomToFit(bbox: BBox, widthPx = 900, heightPx = 700): number {
  const lonSpan = Math.max(1e-6, bbox[2] - bbox[0]);
  const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const latSpan = Math.max(1e-9, (mercY(bbox[3]) - mercY(bbox[1])) * (180 / Math.PI));
  const zoom = Math.min(Math.log2((widthPx * 0.8 * 360) / (256 * lonSpan)), Math.log2((heightPx * 0.8 * 360) / (256 * latSpan)));
  return Math.max(2, Math.min(16, zoom));
}

/** Show a district: the dashboard shows its column and the map flies to the box of its outline (else of its communities). */
export function openDistrict(group: number): void {
  useIndicatorsStore.setState({ district: group });
  const { outlines, indicators } = useIndicatorsStore.getState();
  const bbox = outlines?.[group]?.bbox ?? indicators?.districts[group]?.bbox;
  if (bbox) flyTo((bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2, zoomToFit(bbox));
}
