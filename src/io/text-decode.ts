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
