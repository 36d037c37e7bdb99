/**
 * districts.geojson: one feature per district with polygon communities, its outline the union of
 * them (engine/indicators/district-polygons.ts), with the district's figures (schema:
 * docs/report-schema.md). Every geometry is a MultiPolygon (one geometry type per layer).
 */
import type { DistrictPolygon } from '../engine/indicators/district-polygons';
import type { Indicators } from '../engine/indicators/indicators';
import { ByteWriter } from './byte-writer';
import { jsonValue, type GeometryByteWriter } from './report-geojson';
import { coveredShare, UNASSIGNED } from './indicators-report';

/**
 * The districts layer: the collection `head` (provenance), then per district with an outline
 * `district` (name, or "unassigned"), `communities`, `population` (whole residents), `share_<id>`
 * (covered share of its residents per category, 4 decimals; null without residents) and
 * `type_of_feature: "district"`. Districts of point communities only are left out.
 *
 * @param outlines the dissolved districts, in the order of `ind.districts`
 * @returns the file's UTF-8 bytes, or null when no district has an outline (point communities only)
 */
export function districtsGeoJson(
  head: string,
  outlines: readonly DistrictPolygon[],
  ind: Pick<Indicators, 'districts' | 'categoryIds'>,
  geo: GeometryByteWriter,
): Uint8Array | null {
  if (!outlines.some((d) => d.geometry !== null)) return null;
  const w = new ByteWriter(head.length * 2 + 4096);
  w.text(head);
  let first = true;
  outlines.forEach((d, g) => {
    if (d.geometry === null) return;
    const figures = ind.districts[g]!;
    if (!first) w.text(',\n');
    first = false;
    w.text('{"type":"Feature","properties":{"district":');
    w.text(jsonValue(d.name ?? UNASSIGNED));
    w.text(`,"communities":${figures.communities},"population":${Math.round(figures.population)}`);
    ind.categoryIds.forEach((id, k) => {
      w.text(`,${JSON.stringify(`share_${id}`)}:${jsonValue(coveredShare(figures.categories[k]!.all))}`);
    });
    w.text(',"type_of_feature":"district"},"geometry":');
    geo.geometry(w, d.geometry, true);
    w.byte(125);
  });
  w.text(first ? ']}\n' : '\n]}\n');
  return w.bytes();
}
