/**
 * District outlines (each district's communities dissolved into one outline by the engine): thin
 * dark lines over the coverage colours, with the district's name at the middle of its box when there
 * are few districts (a long list of names would cover the map).
 */
import type { Layer } from '@deck.gl/core';
import { PolygonLayer, TextLayer } from '@deck.gl/layers';
import type { DistrictPolygon } from '../../engine/indicators/district-polygons';
import type { Rgb } from '../category-style';

/** Colour `[r, g, b]` of the district outlines and names (dark slate). */
const DISTRICT_OUTLINE_RGB: Rgb = [38, 50, 72];
/** At most this many districts are named on the map. */
const MAX_DISTRICT_LABELS = 24;

/** One ring-set (polygon) of a district's outline. */
interface OutlinePart {
  polygon: [number, number][][];
  district: number;
}

/** One district name on the map. */
interface OutlineLabel {
  position: [number, number];
  text: string;
}

const partCache = new WeakMap<readonly DistrictPolygon[], OutlinePart[]>();
/** Every polygon of every outline (memoised per outlines array, so slider moves keep the data). */
function outlineParts(outlines: readonly DistrictPolygon[]): OutlinePart[] {
  const hit = partCache.get(outlines);
  if (hit) return hit;
  const out: OutlinePart[] = [];
  outlines.forEach((d, district) => {
    const g = d.geometry;
    if (g?.type === 'Polygon') out.push({ polygon: g.coordinates, district });
    else if (g) for (const polygon of g.coordinates) out.push({ polygon, district });
  });
  partCache.set(outlines, out);
  return out;
}

/**
 * The outline layers (ids `district-outlines`, `district-labels`), or [] when hidden or when no
 * district has an outline (point communities).
 * @param outlines the session's `districtOutlines()`
 * @param unassigned the label of the communities without a district
 */
export function districtOutlineLayers(outlines: readonly DistrictPolygon[] | null, visible: boolean, unassigned: string): Layer[] {
  if (!outlines || !visible) return [];
  const parts = outlineParts(outlines);
  if (parts.length === 0) return [];
  const layers: Layer[] = [
    new PolygonLayer<OutlinePart>({
      id: 'district-outlines',
      data: parts,
      getPolygon: (p) => p.polygon,
      filled: false,
      stroked: true,
      getLineColor: [...DISTRICT_OUTLINE_RGB, 230],
      getLineWidth: 1.5,
      lineWidthUnits: 'pixels',
      pickable: false,
    }),
  ];
  const named = outlines.filter((d) => d.bbox !== null);
  if (named.length <= MAX_DISTRICT_LABELS) {
    const labels: OutlineLabel[] = named.map((d) => ({
      position: [(d.bbox![0] + d.bbox![2]) / 2, (d.bbox![1] + d.bbox![3]) / 2],
      text: d.name ?? unassigned,
    }));
    layers.push(
      new TextLayer<OutlineLabel>({
        id: 'district-labels',
        data: labels,
        getPosition: (l) => l.position,
        getText: (l) => l.text,
        getSize: 13,
        sizeUnits: 'pixels',
        getColor: [...DISTRICT_OUTLINE_RGB, 255],
        fontFamily: '"Noto Sans", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
        fontWeight: 600,
        characterSet: 'auto',
        background: true,
        getBackgroundColor: [255, 255, 255, 200],
        backgroundPadding: [4, 2],
        getTextAnchor: 'middle',
        getAlignmentBaseline: 'center',
        pickable: false,
      }),
    );
  }
  return layers;
}
