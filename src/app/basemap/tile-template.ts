/**
 * Custom tile URL templates: XYZ (`{z}/{x}/{y}`, optionally `{s}` subdomains a–c and `{-y}` for TMS
 * rows) or WMTS KVP/REST (`{TileMatrix}`, `{TileCol}`, `{TileRow}`), turned into the tile URLs
 * MapLibre takes. A template that cannot address tiles is refused with the reason.
 */

/** Why a template was refused (an i18n key under `basemap.`, with its values). */
export interface TemplateProblem {
  key: 'templateEmpty' | 'templateScheme' | 'templatePlaceholders' | 'templateUnknown';
  values?: Record<string, string>;
}

/** A usable template: MapLibre tile URLs, the row scheme and the host they go to. */
export interface TileTemplate {
  tiles: string[];
  scheme: 'xyz' | 'tms';
  host: string;
}

const KNOWN = new Set(['z', 'x', 'y', '-y', 's', 'TileMatrix', 'TileCol', 'TileRow']);

/**
 * Checks a template and converts it: `{TileMatrix}` → `{z}`, `{TileCol}` → `{x}`, `{TileRow}` →
 * `{y}`, `{-y}` → `{y}` with the TMS scheme, `{s}` → one URL each for a, b, c. Needs http(s) and
 * all three of z, x and y (in either spelling); any other `{…}` is refused.
 */
export function parseTileTemplate(template: string): { value: TileTemplate | null; problem: TemplateProblem | null } {
  const url = template.trim();
  const refuse = (problem: TemplateProblem) => ({ value: null, problem });
  if (url === '') return refuse({ key: 'templateEmpty' });
  let parsed: URL;
  try {
    parsed = new URL(url.replace(/\{[^}]*\}/g, '0'));
  } catch {
    return refuse({ key: 'templateScheme' });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return refuse({ key: 'templateScheme' });
  const names = [...url.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
  const unknown = names.find((n) => !KNOWN.has(n));
  if (unknown !== undefined) return refuse({ key: 'templateUnknown', values: { name: `{${unknown}}` } });
  const has = (...ns: string[]) => ns.some((n) => names.includes(n));
  const missing = [
    has('z', 'TileMatrix') ? null : '{z}',
    has('x', 'TileCol') ? null : '{x}',
    has('y', '-y', 'TileRow') ? null : '{y}',
  ].filter((x): x is string => x !== null);
  if (missing.length > 0) return refuse({ key: 'templatePlaceholders', values: { missing: missing.join(', ') } });
  const tms = names.includes('-y');
  const base = url
    .replace(/\{TileMatrix\}/g, '{z}')
    .replace(/\{TileCol\}/g, '{x}')
    .replace(/\{TileRow\}/g, '{y}')
    .replace(/\{-y\}/g, '{y}');
  const tiles = names.includes('s') ? ['a', 'b', 'c'].map((s) => base.replace(/\{s\}/g, s)) : [base];
  return { value: { tiles, scheme: tms ? 'tms' : 'xyz', host: parsed.host }, problem: null };
}
