import type { Feature, LineString, Position } from 'geojson';
import type { NodeStore } from './node-store';
import type { RoadColumns } from './road-columns';

const round7 = (v: number): number => Math.round(v * 1e7) / 1e7;

/** Characters of GeoJSON text per chunk handed out by {@link roadLinesGeoJson}. */
const CHUNK_CHARS = 1 << 20;

/**
 * The road lines of an import, in columns rather than GeoJSON objects: line `l` is the vertices
 * `roads.nodes[from[l]] … roads.nodes[to[l] − 1]` (node indices into the {@link NodeStore}) of the
 * kept way `way[l]`, so a line costs 12 bytes whatever its length and no vertex is copied. A
 * vertex's position is the node's `[lon, lat]` in degrees rounded to 7 decimals (1 cm). The
 * GeoJSON shape is made only when asked: {@link RoadLines.features} (objects, one position array
 * per node shared by the lines through it) or {@link roadLinesGeoJson} (text, for a file).
 */
export class RoadLines {
  /** Number of lines. */
  count = 0;
  /** Way (index into the road columns) of each line. */
  way = new Int32Array(1024);
  /** First vertex of each line (index into the road columns' `nodes`). */
  from = new Int32Array(1024);
  /** End (exclusive) of each line's vertices. */
  to = new Int32Array(1024);
  private readonly sidewalkOf = new Map<string, string | null>();

  /**
   * @param roads the kept ways
   * @param nodes their nodes' coordinates
   */
  constructor(
    readonly roads: RoadColumns,
    readonly nodes: NodeStore,
  ) {}

  /** Add a line: vertices `from … to − 1` of way `way`. */
  add(way: number, from: number, to: number): void {
    const l = this.count;
    if (l >= this.way.length) {
      this.way = grown(this.way);
      this.from = grown(this.from);
      this.to = grown(this.to);
    }
    this.way[l] = way;
    this.from[l] = from;
    this.to[l] = to;
    this.count = l + 1;
  }

  /**
   * The properties of line `l` in the roads input shape: `osm_id`, `highway`, `name`; `foot` when
   * foot access is what opens the way, `bicycle` when tagged, `sidewalk` when a sidewalk opens it.
   */
  properties(l: number): Record<string, string | null> {
    const { roads } = this;
    const r = this.way[l] as number;
    const reason = roads.reason[r] as string;
    const props: Record<string, string | null> = {
      osm_id: `w${roads.ids[r]}`,
      highway: roads.highway[r] as string,
      name: roads.name[r] ?? null,
    };
    if (reason.startsWith('foot=')) props.foot = roads.foot[r] ?? null;
    const bicycle = roads.bicycle[r] ?? null;
    if (bicycle !== null) props.bicycle = bicycle;
    let sidewalk = this.sidewalkOf.get(reason);
    if (sidewalk === undefined) {
      sidewalk = /with sidewalk=(\w+)/.exec(reason)?.[1] ?? null;
      this.sidewalkOf.set(reason, sidewalk);
    }
    if (sidewalk !== null) props.sidewalk = sidewalk;
    return props;
  }

  /** The lines as GeoJSON LineString features (a new array; positions shared between lines at shared nodes). */
  features(): Feature<LineString>[] {
    const { nodes } = this;
    const idx = this.roads.nodes;
    const positions: (Position | undefined)[] = [];
    const out: Feature<LineString>[] = [];
    for (let l = 0; l < this.count; l++) {
      const coordinates: Position[] = [];
      for (let i = this.from[l] as number, end = this.to[l] as number; i < end; i++) {
        const k = idx[i] as number;
        let p = positions[k];
        if (p === undefined) {
          p = [round7(nodes.lon[k] as number), round7(nodes.lat[k] as number)];
          positions[k] = p;
        }
        coordinates.push(p);
      }
      out.push({ type: 'Feature', properties: this.properties(l), geometry: { type: 'LineString', coordinates } });
    }
    return out;
  }
}

/**
 * The lines as the text of a GeoJSON FeatureCollection, one feature a line, in pieces of about a
 * million characters (for a file written piece by piece: a large extract's roads exceed the
 * longest string a JS engine makes). The same text as `JSON.stringify` of each feature of
 * {@link RoadLines.features}, joined by `,\n` between `{"type":"FeatureCollection","features":[\n`
 * and `\n]}\n`.
 */
export function* roadLinesGeoJson(lines: RoadLines): Generator<string> {
  const { nodes } = lines;
  const idx = lines.roads.nodes;
  let parts: string[] = ['{"type":"FeatureCollection","features":[\n'];
  let chars = 0;
  let lastWay = -1;
  let head = '';
  for (let l = 0; l < lines.count; l++) {
    const w = lines.way[l] as number;
    if (w !== lastWay) {
      // the pieces of one way are consecutive and share its properties
      head = `{"type":"Feature","properties":${JSON.stringify(lines.properties(l))},"geometry":{"type":"LineString","coordinates":`;
      lastWay = w;
    }
    // a short-lived array through JSON.stringify: its number formatting is native, three times
    // faster than formatting each coordinate into a template string
    const coordinates: number[][] = [];
    for (let i = lines.from[l] as number, end = lines.to[l] as number; i < end; i++) {
      const k = idx[i] as number;
      coordinates.push([round7(nodes.lon[k] as number), round7(nodes.lat[k] as number)]);
    }
    const text = `${l > 0 ? ',\n' : ''}${head}${JSON.stringify(coordinates)}}}`;
    parts.push(text);
    chars += text.length;
    if (chars >= CHUNK_CHARS) {
      yield parts.join('');
      parts = [];
      chars = 0;
    }
  }
  parts.push('\n]}\n');
  yield parts.join('');
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}
