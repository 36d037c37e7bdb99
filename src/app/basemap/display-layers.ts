/**
 * Applies the display shift (display-shift.ts) to built deck.gl layers, in one place: GeoJSON data
 * and binary position attributes are shifted copies (memoised per original object, so slider moves
 * do not redo them), position accessors (`getPosition`, `getPolygon`, `getPath`) are wrapped with
 * the shift as their update trigger, and a bitmap's bounds move by the shift at its centre (the
 * GCJ-02 offset changes by metres across a city; the heat grid's cells are 200 m). Layer ids and
 * picked objects' properties are unchanged.
 */
import type { Layer } from '@deck.gl/core';
import { BitmapLayer, GeoJsonLayer } from '@deck.gl/layers';
import type { DisplayShift } from './display-shift';

const ACCESSORS = ['getPosition', 'getPolygon', 'getPath'] as const;

/** Shifts nested coordinate arrays: a position `[lon, lat, …]` or arrays of them, any depth. */
function shiftCoords(c: unknown, shift: DisplayShift): unknown {
  if (!Array.isArray(c)) return c;
  if (typeof c[0] === 'number') {
    const [x, y] = shift.toDisplay(c[0], c[1] as number);
    return c.length > 2 ? [x, y, ...c.slice(2)] : [x, y];
  }
  return c.map((p) => shiftCoords(p, shift));
}

type Geom = { type: string; coordinates?: unknown; geometries?: Geom[] } | null;
function shiftGeometry(g: Geom, shift: DisplayShift): Geom {
  if (!g) return g;
  if (g.type === 'GeometryCollection') return { ...g, geometries: (g.geometries ?? []).map((x) => shiftGeometry(x, shift)!) };
  return { ...g, coordinates: shiftCoords(g.coordinates, shift) };
}

const geoCache = new WeakMap<object, Map<string, unknown>>();
function memo<T extends object>(key: T, shift: DisplayShift, make: () => unknown): unknown {
  let m = geoCache.get(key);
  if (!m) geoCache.set(key, (m = new Map()));
  if (!m.has(shift.id)) m.set(shift.id, make());
  return m.get(shift.id);
}

type Feat = { geometry: Geom };
/** A FeatureCollection or an array of features, shifted (same properties objects). */
function shiftGeoJson(data: unknown, shift: DisplayShift): unknown {
  if (!data || typeof data !== 'object') return data;
  const feature = (f: Feat) => ({ ...f, geometry: shiftGeometry(f.geometry, shift) });
  return memo(data, shift, () => {
    if (Array.isArray(data)) return (data as Feat[]).map(feature);
    const fc = data as { type?: string; features?: Feat[] };
    if (fc.type === 'FeatureCollection' && Array.isArray(fc.features)) return { ...fc, features: fc.features.map(feature) };
    if (fc.type === 'Feature') return feature(data as Feat);
    return data;
  });
}

type Binary = { length: number; attributes: { getPosition?: { value: Float64Array | Float32Array; size: number } } };
/** Binary data with a `getPosition` attribute of [lon, lat] pairs, shifted. */
function shiftBinary(data: Binary, shift: DisplayShift): Binary {
  const attr = data.attributes.getPosition!;
  const value = memo(attr.value, shift, () => {
    const v = attr.value;
    const out = new (v.constructor as Float64ArrayConstructor)(v.length);
    for (let i = 0; i + 1 < v.length; i += attr.size) {
      const [x, y] = shift.toDisplay(v[i]!, v[i + 1]!);
      out[i] = x;
      out[i + 1] = y;
      for (let j = 2; j < attr.size; j++) out[i + j] = v[i + j]!;
    }
    return out;
  }) as Float64Array;
  return { ...data, attributes: { ...data.attributes, getPosition: { ...attr, value } } };
}

/**
 * A FeatureCollection as drawn through `shift` (the MapLibre overlays, ui/map/overlays-maplibre.ts):
 * the same object when `shift` is null, else a shifted copy memoised per collection and shift.
 */
export function displayGeoJson<T extends object>(data: T, shift: DisplayShift | null): T {
  return shift ? (shiftGeoJson(data, shift) as T) : data;
}

/** One layer drawn through `shift` (a clone; the input layer is not changed). */
function shiftLayer(layer: Layer, shift: DisplayShift): Layer {
  const props = layer.props as unknown as Record<string, unknown> & { data: unknown; updateTriggers?: Record<string, unknown> };
  if (layer instanceof GeoJsonLayer) return layer.clone({ data: shiftGeoJson(props.data, shift) as never });
  if (layer instanceof BitmapLayer) {
    const b = props.bounds as number[];
    if (b.length !== 4 || typeof b[0] !== 'number') return layer;
    const [cx, cy] = [(b[0] + b[2]!) / 2, (b[1]! + b[3]!) / 2];
    const [sx, sy] = shift.toDisplay(cx, cy);
    const dx = sx - cx;
    const dy = sy - cy;
    return layer.clone({ bounds: [b[0] + dx, b[1]! + dy, b[2]! + dx, b[3]! + dy] });
  }
  const over: Record<string, unknown> = {};
  const triggers: Record<string, unknown> = { ...props.updateTriggers };
  const data = props.data as Partial<Binary> | null;
  if (data && typeof data === 'object' && !Array.isArray(data) && data.attributes?.getPosition) {
    over.data = shiftBinary(data as Binary, shift);
  }
  for (const name of ACCESSORS) {
    const acc = props[name];
    if (typeof acc !== 'function') continue;
    const f = acc as (d: unknown, info: unknown) => unknown;
    over[name] = (d: unknown, info: unknown) => shiftCoords(f(d, info), shift);
    triggers[name] = [triggers[name] ?? null, shift.id];
  }
  if (Object.keys(over).length === 0) return layer;
  return layer.clone({ ...over, updateTriggers: triggers });
}

/** The layers drawn through `shift`; the same array when `shift` is null (identity). */
export function displayLayers(layers: Layer[], shift: DisplayShift | null): Layer[] {
  return shift ? layers.map((l) => shiftLayer(l, shift)) : layers;
}
