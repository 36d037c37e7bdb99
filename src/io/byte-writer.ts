/**
 * A growable UTF-8 byte buffer for writing large text files (report GeoJSON) without building
 * JavaScript strings: no rope of concatenated pieces, no final join and no UTF-8 encoding pass, so
 * far less garbage than string building. Pure (TextEncoder only): Node, browser and Worker.
 */

const encoder = new TextEncoder();

/** Bytes a streaming writer buffers before it hands them to its sink (1 MiB). */
export const STREAM_CHUNK = 1 << 20;

/** Where a streaming {@link ByteWriter} hands its bytes (e.g. a file): the chunk may be reused after the call. */
export type ByteSink = (chunk: Uint8Array) => void;

/**
 * Appends text, numbers and earlier output to one byte buffer. With a sink it streams: at
 * {@link flushIfFull} (called between records) the bytes buffered go to the sink and the same
 * buffer is filled again, so a file of any size is written through a buffer of about
 * {@link STREAM_CHUNK} bytes (fresh memory is what costs most in writing large reports).
 */
export class ByteWriter {
  private buf: Uint8Array;
  /** Bytes in the buffer (all bytes written, without a sink). Offsets into the buffer are valid until the next flush. */
  length = 0;
  /** Bytes already handed to the sink. */
  private flushed = 0;
  private readonly sink: ByteSink | undefined;

  /**
   * @param capacity initial size in bytes (the buffer doubles when full; with a sink at most about twice {@link STREAM_CHUNK})
   * @param sink where the bytes go at each {@link flushIfFull} and at {@link finish}; without it they stay in memory
   */
  constructor(capacity = 1 << 16, sink?: ByteSink) {
    this.sink = sink;
    this.buf = new Uint8Array(Math.max(16, sink ? Math.min(capacity, 2 * STREAM_CHUNK) : capacity));
  }

  /** All bytes written so far (those handed to the sink included). */
  get total(): number {
    return this.flushed + this.length;
  }

  /**
   * With a sink, when at least {@link STREAM_CHUNK} bytes are buffered: hands them to the sink and
   * starts the buffer again (offsets into the buffer taken before are no longer valid). Without a
   * sink nothing happens.
   */
  flushIfFull(): void {
    if (this.sink && this.length >= STREAM_CHUNK) this.flush();
  }

  private flush(): void {
    if (!this.sink || this.length === 0) return;
    this.sink(this.buf.subarray(0, this.length));
    this.flushed += this.length;
    this.length = 0;
  }

  /**
   * The end of writing: with a sink the rest goes to it and an empty array is returned; without,
   * the bytes written (as {@link bytes}).
   */
  finish(): Uint8Array {
    if (!this.sink) return this.bytes();
    this.flush();
    return new Uint8Array(0);
  }

  private ensure(extra: number): void {
    const need = this.length + extra;
    if (need <= this.buf.length) return;
    const next = new Uint8Array(Math.max(need, this.buf.length * 2));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  /** Appends any text as UTF-8. */
  text(s: string): void {
    const n = s.length;
    if (n < 64) {
      // short strings: a plain loop while they are ASCII (locals: no field access per character)
      this.ensure(n);
      const buf = this.buf;
      let at = this.length;
      for (let i = 0; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) {
          this.utf8(s);
          return;
        }
        buf[at++] = c;
      }
      this.length = at;
      return;
    }
    this.utf8(s);
  }

  private utf8(s: string): void {
    this.ensure(s.length * 3);
    this.length += encoder.encodeInto(s, this.buf.subarray(this.length)).written;
  }

  /**
   * Appends a string as `JSON.stringify` writes it: short printable ASCII without quotes or
   * backslashes is copied byte by byte, anything else goes through `JSON.stringify`.
   */
  jsonString(s: string): void {
    const n = s.length;
    if (n < 64) {
      this.ensure(n + 2);
      const buf = this.buf;
      const start = this.length;
      let at = start;
      buf[at++] = 34; // "
      for (let i = 0; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c < 0x20 || c > 0x7e || c === 34 || c === 92) {
          this.text(JSON.stringify(s));
          return;
        }
        buf[at++] = c;
      }
      buf[at++] = 34;
      this.length = at;
      return;
    }
    this.text(JSON.stringify(s));
  }

  /** Appends bytes (e.g. text encoded once and written many times). */
  raw(bytes: Uint8Array): void {
    const n = bytes.length;
    this.ensure(n);
    const buf = this.buf;
    if (n < 64) {
      let at = this.length;
      for (let i = 0; i < n; i++) buf[at++] = bytes[i]!;
      this.length = at;
      return;
    }
    buf.set(bytes, this.length);
    this.length += n;
  }

  /** Appends one byte (an ASCII character code). */
  byte(c: number): void {
    this.ensure(1);
    this.buf[this.length++] = c;
  }

  /** Appends a number as `JSON.stringify` writes it (`null` when not finite). */
  number(v: number): void {
    this.text(Number.isFinite(v) ? String(v) : 'null');
  }

  /**
   * Appends `n / 10^decimals` as `JSON.stringify(n / 10^decimals)` writes it, for an integer `n`
   * (a coordinate already rounded to `decimals`): digits written directly, no string made. With at
   * most 15 significant digits the shortest round-trip form of that double is the decimal itself.
   */
  fixed(n: number, decimals: number, scale: number): void {
    const a = Math.abs(n);
    if (!(a < 1e15) || decimals > 8) {
      this.number(n / scale + 0);
      return;
    }
    this.ensure(28);
    const buf = this.buf;
    let at = this.length;
    if (n < 0) buf[at++] = 45; // '-'
    let int = Math.floor(a / scale);
    const frac = a - int * scale;
    // integer part: int32 arithmetic while it fits (coordinates, shares, minutes), else doubles
    if (int === 0) buf[at++] = 48;
    else if (int < 2147483648) {
      let digits = 0;
      for (let t = int; t !== 0; t = (t / 10) | 0) digits++;
      let p = at + digits;
      at = p;
      let t = int | 0;
      while (t !== 0) {
        const q = (t / 10) | 0;
        buf[--p] = 48 + t - q * 10;
        t = q;
      }
    } else {
      let digits = 0;
      for (let t = int; t >= 1; t = Math.floor(t / 10)) digits++;
      let p = at + digits;
      at = p;
      while (int >= 1) {
        buf[--p] = 48 + (int % 10);
        int = Math.floor(int / 10);
      }
    }
    if (frac > 0) {
      // frac < scale ≤ 10^8: an int32
      let f = frac | 0;
      let d = decimals;
      while (f % 10 === 0) {
        f = (f / 10) | 0;
        d--;
      }
      buf[at++] = 46; // '.'
      let p = at + d;
      at = p;
      for (let i = 0; i < d; i++) {
        const q = (f / 10) | 0;
        buf[--p] = 48 + f - q * 10;
        f = q;
      }
    }
    this.length = at;
  }

  /** Appends bytes `[start, end)` of another writer. */
  copyFrom(other: ByteWriter, start: number, end: number): void {
    this.ensure(end - start);
    const buf = this.buf;
    if (end - start < 64) {
      // short runs: a loop is cheaper than a subarray view
      const from = other.buf;
      let at = this.length;
      for (let i = start; i < end; i++) buf[at++] = from[i]!;
      this.length = at;
      return;
    }
    buf.set(other.buf.subarray(start, end), this.length);
    this.length += end - start;
  }

  /** The bytes written: a view of exactly `length` bytes (no copy; do not write after taking it). */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}
