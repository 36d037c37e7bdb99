/**
 * Where a JSON text is broken, as 1-based line and column, whatever the JavaScript engine.
 * Engines word `JSON.parse` errors differently (V8 in Node 20 gives a position only for some
 * errors, Firefox gives line/column, Safari gives neither), so the text is scanned again with a
 * small JSON grammar checker that finds the first offending character; the engine's message is
 * the fallback.
 */

/** Location and reason of a JSON syntax error. */
export interface JsonErrorLocation {
  /** 0-based offset in UTF-16 code units. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  reason: string;
}

/**
 * Locate the first syntax error of a text that `JSON.parse` rejected.
 *
 * @param text the text (BOM already removed)
 * @param engineMessage the `SyntaxError` message, used when the scan finds nothing
 * @returns the location; line 1 column 1 when nothing better is known
 */
export function locateJsonError(text: string, engineMessage = ''): JsonErrorLocation {
  const found = scanJson(text);
  if (found) return { ...lineColumn(text, found.offset), reason: found.reason };
  const lc = /line (\d+) column (\d+)/i.exec(engineMessage);
  if (lc) {
    const line = Number(lc[1]);
    const column = Number(lc[2]);
    return { offset: offsetOf(text, line, column), line, column, reason: engineMessage };
  }
  const pos = /position (\d+)/i.exec(engineMessage);
  const offset = pos ? Math.min(Number(pos[1]), text.length) : 0;
  return { ...lineColumn(text, offset), reason: engineMessage || 'invalid JSON' };
}

/** 1-based line and column of an offset (`\n`, `\r\n` and `\r` end lines). */
export function lineColumn(text: string, offset: number): { offset: number; line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

function offsetOf(text: string, line: number, column: number): number {
  let l = 1;
  let i = 0;
  while (l < line && i < text.length) {
    if (text[i] === '\n') l++;
    i++;
  }
  return Math.min(i + column - 1, text.length);
}

/** First syntax error of `text` per RFC 8259, or null when it is valid JSON. */
export function scanJson(text: string): { offset: number; reason: string } | null {
  const n = text.length;
  const stack: number[] = []; // char codes '{' or '['
  let i = 0;
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      i++;
    }
  };
  const fail = (reason: string) => ({ offset: i, reason: i >= n ? `unexpected end of file (${reason})` : reason });
  const at = () => (i < n ? `unexpected ${JSON.stringify(text[i])}` : '');
  const str = (): string | null => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return null;
      }
      if (c < 32) return 'control character in a string (escape it)';
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i++;
            return 'bad \\u escape in a string';
          }
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i += 2;
        } else {
          i++;
          return 'bad escape in a string';
        }
      } else i++;
    }
    return 'unterminated string';
  };
  const num = (): string | null => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (/[1-9]/.test(text[i] ?? '')) while (/[0-9]/.test(text[i] ?? '')) i++;
    else return 'bad number';
    if (text[i] === '.') {
      i++;
      if (!/[0-9]/.test(text[i] ?? '')) return 'bad number: digits expected after "."';
      while (/[0-9]/.test(text[i] ?? '')) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!/[0-9]/.test(text[i] ?? '')) return 'bad number: digits expected in the exponent';
      while (/[0-9]/.test(text[i] ?? '')) i++;
    }
    return null;
  };
  const key = (): string | null => {
    ws();
    if (text[i] !== '"') return `expected a property name in double quotes${i < n ? `, found ${JSON.stringify(text[i])}` : ''}`;
    const e = str();
    if (e) return e;
    ws();
    if (text[i] !== ':') return `expected ":" after a property name${i < n ? `, found ${JSON.stringify(text[i])}` : ''}`;
    i++;
    return null;
  };
  for (;;) {
    // a value is expected at i
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') i++;
      else {
        stack.push(123);
        const e = key();
        if (e) return fail(e);
        continue;
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') i++;
      else {
        stack.push(91);
        continue;
      }
    } else if (c === '"') {
      const e = str();
      if (e) return fail(e);
    } else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      const e = num();
      if (e) return fail(e);
    } else if (c === 't' || c === 'f' || c === 'n') {
      const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
      for (let k = 0; k < word.length; k++, i++) {
        if (text[i] !== word[k]) return fail(`${at()} in the literal ${word}`);
      }
    } else {
      return fail(c === undefined ? 'a value is missing' : `${at()}: a value was expected`);
    }
    // after a value: close containers or find a comma
    for (;;) {
      ws();
      const top = stack[stack.length - 1];
      if (top === undefined) return i < n ? fail(`${at()} after the end of the JSON value`) : null;
      const d = text[i];
      if (d === ',') {
        i++;
        if (top === 123) {
          const e = key();
          if (e) return fail(e);
        }
        break;
      }
      if ((top === 123 && d === '}') || (top === 91 && d === ']')) {
        stack.pop();
        i++;
        continue;
      }
      return fail(`expected "," or "${top === 123 ? '}' : ']'}"${d === undefined ? '' : `, found ${JSON.stringify(d)}`}`);
    }
  }
}
