import { SaxesParser } from 'saxes';
import { inflateBounded } from './inflate-bounded';
import {
  DEFAULT_MAX_BLOB_BYTES,
  OsmFormatError,
  throwIfAborted,
  type OsmMember,
  type OsmScanOptions,
  type OsmTags,
  type OsmVisitor,
} from './osm-elements';

/** Bytes of XML parsed between progress reports and cancel checks. */
const CHUNK = 256 * 1024;

/**
 * Decode OSM XML (plain, or gzip-compressed when `gzip`), streaming: the inflated text is parsed
 * chunk by chunk with a SAX parser, never held whole. Throws {@link OsmFormatError} on malformed
 * XML, a root other than `<osm>`, or gzip data that is corrupt, truncated or inflates past 64 ×
 * the blob limit.
 *
 * @param bytes the whole file
 * @param gzip whether the bytes are gzip-compressed
 * @param visitor what to do with nodes, ways, relations
 * @param options progress, cancel, size limit
 */
export function decodeXml(bytes: Uint8Array, gzip: boolean, visitor: OsmVisitor, options: OsmScanOptions = {}): void {
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let current: { kind: 'node' | 'way' | 'relation'; id: number; lon: number; lat: number } | null = null;
  let tags: OsmTags | null = null;
  let refs: number[] = [];
  let members: OsmMember[] = [];
  let depth = 0;
  let sawRoot = false;
  parser.on('error', (e) => {
    throw new OsmFormatError(`malformed XML: ${e.message}`);
  });
  parser.on('opentag', (tag) => {
    depth++;
    const a = tag.attributes as Record<string, string>;
    if (depth === 1) {
      if (tag.name !== 'osm') throw new OsmFormatError(`not OSM XML (the root element is <${tag.name}>, not <osm>)`);
      sawRoot = true;
      return;
    }
    if (depth === 2) {
      const kind = tag.name;
      if (kind === 'node' || kind === 'way' || kind === 'relation') {
        current = { kind, id: Number(a.id), lon: Number(a.lon), lat: Number(a.lat) };
        tags = null;
        refs = [];
        members = [];
      } else current = null;
      return;
    }
    if (depth === 3 && current) {
      if (tag.name === 'tag' && a.k !== undefined) (tags ??= {})[a.k] = a.v ?? '';
      else if (tag.name === 'nd' && current.kind === 'way' && visitor.way) refs.push(Number(a.ref));
      else if (tag.name === 'member' && current.kind === 'relation' && visitor.relation) {
        const t = a.type === 'node' ? 'n' : a.type === 'way' ? 'w' : 'r';
        members.push({ type: t, ref: Number(a.ref), role: a.role ?? '' });
      }
    }
  });
  parser.on('closetag', () => {
    if (depth === 2 && current) {
      if (current.kind === 'node') visitor.node?.(current.id, current.lon, current.lat, tags);
      else if (current.kind === 'way') visitor.way?.(current.id, refs, tags ?? {});
      else visitor.relation?.(current.id, members, tags ?? {});
      current = null;
    }
    depth--;
  });
  let sinceCheck = 0;
  const feed = (chunk: Uint8Array): void => {
    parser.write(decoder.decode(chunk, { stream: true }));
    sinceCheck += chunk.length;
    if (sinceCheck >= CHUNK) {
      sinceCheck = 0;
      throwIfAborted(options.signal);
    }
  };
  if (gzip) {
    inflateBounded(bytes, 'gzip', 64 * (options.maxBlobBytes ?? DEFAULT_MAX_BLOB_BYTES), feed);
  } else {
    for (let at = 0; at < bytes.length; at += CHUNK) {
      feed(bytes.subarray(at, Math.min(bytes.length, at + CHUNK)));
      options.onProgress?.(Math.min(bytes.length, at + CHUNK), bytes.length);
    }
  }
  parser.write(decoder.decode());
  parser.close();
  if (!sawRoot) throw new OsmFormatError('not OSM XML (no <osm> element)');
  options.onProgress?.(bytes.length, bytes.length);
}
