/**
 * Decoding the bytes of a user's text file (CSV, .prj, .cpg) without asking for its encoding.
 *
 * Chinese Excel and many Chinese GIS tools write GBK (code page 936); everything else writes
 * UTF-8, sometimes with a byte-order mark. UTF-8 is self-checking: a GBK text with any Chinese
 * character in it is almost never valid UTF-8, so "valid UTF-8 → UTF-8, else GB18030" is a safe
 * rule. GB18030 is a superset of GBK and GB2312, so it decodes all three.
 *
 * Uses only `TextDecoder` (Node ≥ 20 with full ICU, every browser, Web Workers). A UTF-16 file
 * ("Unicode text" from Excel) is recognised by its byte-order mark.
 */
import type { Problem } from '../engine/model';

/** Encodings {@link decodeText} can report. */
export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** Result of {@link decodeText}. */
export interface DecodedText {
  /** The text, without a byte-order mark. */
  text: string;
  /** The encoding the bytes were read as. */
  encoding: TextEncodingName;
}

/**
 * Decodes a text file's bytes: strips a UTF-8 BOM; UTF-16 with a BOM is decoded as UTF-16; bytes
 * that are valid UTF-8 are UTF-8; anything else is decoded as GB18030 (GBK superset).
 *
 * @param bytes the file's bytes (not modified)
 * @returns the text and the encoding used
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (!(bytes instanceof Uint8Array)) throw new TypeError(`decodeText: expected a Uint8Array, got ${String(bytes)}`);
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    return utf8OrGb18030(bytes.subarray(3));
  }
  if (b0 === 0xff && b1 === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  return utf8OrGb18030(bytes);
}

/** True when `bytes` are valid UTF-8 (an empty array is). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function utf8OrGb18030(bytes: Uint8Array): DecodedText {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** A feature's text members as they come from any reader (GeoJSON, CSV row, Shapefile record). */
interface FeatureText {
  id?: unknown;
  properties?: unknown;
}

/**
 * Warnings for text that could not be decoded: property values (or ids) holding U+FFFD, the mark a
 * decoder leaves for bytes that are neither UTF-8 nor GBK. One warning per feature for the first
 * `limit` features, naming the property and its value, then one summary warning. The values are kept
 * as read (the feature is still usable); the warning tells the user to re-save the file as UTF-8.
 *
 * @param features features of one file (not modified)
 * @param file file name for the warnings
 * @param limit features named one by one (default 10)
 */
export function undecodableTextWarnings(features: readonly unknown[], file: string, limit = 10): Problem[] {
  const out: Problem[] = [];
  let more = 0;
  for (let index = 0; index < features.length; index++) {
    const f = features[index] as FeatureText | null;
    if (!f || typeof f !== 'object') continue;
    const props = f.properties && typeof f.properties === 'object' ? (f.properties as Record<string, unknown>) : {};
    let bad: string | null = null;
    if (typeof f.id === 'string' && f.id.includes('\uFFFD')) bad = `id ${JSON.stringify(f.id)}`;
    for (const key in props) {
      if (bad) break;
      const v = props[key];
      if ((typeof v === 'string' && v.includes('\uFFFD')) || key.includes('\uFFFD'))
        bad = `property ${JSON.stringify(key)} = ${JSON.stringify(v)}`;
    }
    if (!bad) continue;
    if (out.length >= limit) {
      more++;
      continue;
    }
    const rawId = props.id ?? f.id;
    const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : undefined;
    out.push({
      file,
      index,
      ...(id !== undefined ? { id } : {}),
      reason: `${bad} holds bytes that are neither UTF-8 nor GBK (shown as �); kept as read — re-save the file as UTF-8`,
    });
  }
  if (more > 0) out.push({ file, index: -1, reason: `${more} more feature(s) hold text that is neither UTF-8 nor GBK (shown as �)` });
  return out;
}
