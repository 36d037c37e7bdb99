/**
 * What the cursor can hit on the map, from the app state (not from the renderer that draws it):
 * proposed sites, facilities, gap zones, communities (their own layer or the coverage colours) and
 * the heat grid, topmost first, with the same visibility rules as the layers (app/layers/index.ts)
 * and the drawn sizes of discs in pixels. Every index is built once per data object (WeakMaps), so
 * a mouse move only searches.
 */
import type { FeatureCollection } from 'geojson';
import type { LayerInputs } from '../layers';
import { FACILITY_DOT, facilityPoints, type FacilityPoint } from '../layers/facilities-layer';
import { zonesOfCategory } from '../layers/gap-zones-layer';
import { sitePoints, SITE_RADIUS_PX, type SitePoint } from '../layers/sites-layer';
import type { GapZone } from '../../engine/coverage/gap-zones';
import type { SurfaceState } from '../store';
import { communityShapes } from './community-shapes';
import { pointAt, pointIndex, type PointIndex } from './point-index';
import { polygonAt, polygonIndex, type PolygonIndex } from './polygon-index';
import type { ScreenFrame } from './screen-frame';

/** Ids of the things a pick can return (the ids of the layers that draw them). */
export type PickLayerId = 'sites' | 'facilities' | 'gap-zones' | 'communities' | 'coverage' | 'heat';

/** What one target found under the cursor. */
export interface TargetHit {
  /** Screen distance from the cursor to the object, pixels (0 on it). */
  gapPx: number;
  /** The object as the layer draws it: a SitePoint, FacilityPoint, GapZone or community Feature; null for the heat grid. */
  object: unknown;
  /** Heat grid only: the image pixel `[column, row from the north]` under the cursor. */
  bitmapPixel?: [number, number];
}

/** One pickable thing on the map. */
export interface PickTarget {
  layerId: PickLayerId;
  /** What is under the cursor, or within `reachPx` of it, or null. */
  hit(frame: ScreenFrame, reachPx: number): TargetHit | null;
}

/** Facility discs as facilities-layer.ts draws them. */
const FACILITY = FACILITY_DOT;
/** Site discs: outline 3 px (sites-layer.ts); the dragged one is 3 px larger. */
const SITE_OUTLINE_PX = 3;
const SITE_DRAG_GROW_PX = 3;

const facilityIndexes = new WeakMap<FacilityPoint[], PointIndex>();
function facilitiesTarget(points: FacilityPoint[]): PickTarget {
  let index = facilityIndexes.get(points);
  if (!index) {
    const coords = new Float64Array(points.length * 2);
    points.forEach((p, i) => coords.set(p.position, 2 * i));
    facilityIndexes.set(points, (index = pointIndex(coords)));
  }
  const idx = index;
  return {
    layerId: 'facilities',
    hit(frame, reachPx) {
      const r = Math.min(FACILITY.maxPx, Math.max(FACILITY.minPx, FACILITY.meters * frame.pxPerMeter)) + FACILITY.outlinePx / 2;
      const h = pointAt(idx, frame, () => r, r, reachPx);
      return h ? { gapPx: h.gapPx, object: points[h.item] } : null;
    },
  };
}

const siteIndexes = new WeakMap<SitePoint[], PointIndex>();
function sitesTarget(points: SitePoint[], dragging: number | null): PickTarget {
  let index = siteIndexes.get(points);
  if (!index) siteIndexes.set(points, (index = pointIndex(Float64Array.from(points.flatMap((p) => p.position)))));
  const idx = index;
  const radius = (i: number) => SITE_RADIUS_PX + (i === dragging ? SITE_DRAG_GROW_PX : 0) + SITE_OUTLINE_PX / 2;
  return {
    layerId: 'sites',
    hit(frame, reachPx) {
      const h = pointAt(idx, frame, radius, radius(-1) + SITE_DRAG_GROW_PX, reachPx);
      return h ? { gapPx: h.gapPx, object: points[h.item] } : null;
    },
  };
}

const zoneIndexes = new WeakMap<GapZone[], PolygonIndex>();
function gapZonesTarget(zones: GapZone[]): PickTarget {
  let index = zoneIndexes.get(zones);
  if (!index)
    zoneIndexes.set(
      zones,
      (index = polygonIndex(
        zones.map((z) => z.polygon),
        zones.map((_, i) => i),
      )),
    );
  const idx = index;
  return {
    layerId: 'gap-zones',
    hit(frame, reachPx) {
      const h = polygonAt(idx, frame, reachPx);
      return h ? { gapPx: h.gapPx, object: zones[h.item] } : null;
    },
  };
}

/** Communities as one layer draws them: polygons, and markers with an outline of `outlinePx`. */
function communitiesTarget(layerId: 'communities' | 'coverage', communities: FeatureCollection, outlinePx: number): PickTarget {
  const s = communityShapes(communities);
  const radius = (i: number) => s.pointRadiusPx[i]! + outlinePx / 2;
  const maxRadius = s.pointRadiusPx.reduce((m, r) => Math.max(m, r), 0) + outlinePx / 2;
  return {
    layerId,
    hit(frame, reachPx) {
      const poly = polygonAt(s.polygons, frame, reachPx);
      const point = poly?.gapPx === 0 ? null : pointAt(s.points, frame, radius, maxRadius, reachPx);
      if (point && (!poly || point.gapPx < poly.gapPx)) return { gapPx: point.gapPx, object: s.features[s.pointFeature[point.item]!] };
      return poly ? { gapPx: poly.gapPx, object: s.features[poly.item] } : null;
    },
  };
}

function heatTarget(surface: SurfaceState): PickTarget {
  const g = surface.grid;
  const north = g.lat0 + g.height * g.dLat;
  return {
    layerId: 'heat',
    hit(frame) {
      // the image is regular in degrees (the layer's LNGLAT image coordinates)
      const col = (frame.lon - g.lon0) / g.dLon;
      const row = (north - frame.lat) / g.dLat;
      if (!(col >= 0 && col < g.width && row >= 0 && row < g.height)) return null;
      return { gapPx: 0, object: null, bitmapPixel: [col, row] };
    },
  };
}

/**
 * The pickable things of a map state, topmost first: sites, facilities, gap zones, communities
 * (their own layer when it fills them, else the coverage colours), heat grid. Hidden layers are left
 * out, as the layer builders leave them out.
 */
export function pickTargets(state: LayerInputs): PickTarget[] {
  const d = state.data;
  const coverage = state.coverage ?? null;
  const categoryId = state.selectedCategory ?? '';
  const k = coverage ? coverage.categoryIds.indexOf(categoryId) : -1;
  const mode = state.coverageMode ?? 'category';
  const communities = d?.communities ?? null;
  const coverageShown = !!communities && !!coverage && state.visible.coverage && (mode === 'complete' || k >= 0);
  const out: PickTarget[] = [];
  const sites = state.sites;
  if (sites && sites.category && sites.sites.length > 0) out.push(sitesTarget(sitePoints(sites.sites, sites.numbers), sites.dragging));
  if (d?.facilities && state.visible.facilities) out.push(facilitiesTarget(facilityPoints(d.facilities)));
  if (coverage?.zones && state.visible.gapZones && k >= 0) out.push(gapZonesTarget(zonesOfCategory(coverage.zones, k)));
  // with the coverage colours shown, the communities layer draws outlines only: the coverage fill is what the cursor meets
  if (communities && state.visible.communities && !coverageShown) out.push(communitiesTarget('communities', communities, 1));
  if (communities && coverageShown) out.push(communitiesTarget('coverage', communities, state.visible.communities ? 1.5 : 0));
  const surface = state.surface ?? null;
  if (surface && state.visible.heat && surface.category === categoryId) out.push(heatTarget(surface));
  return out;
}
