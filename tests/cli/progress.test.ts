import { describe, expect, it } from 'vitest';
import { createProgress, type TerminalStream } from '../../src/cli/progress';

/** A terminal that records what is drawn on it. */
function fakeTerminal(): TerminalStream & { text: string } {
  const t = {
    text: '',
    isTTY: true as const,
    columns: 100,
    write(chunk: string | Uint8Array) {
      t.text += String(chunk);
      return true;
    },
  };
  return t as unknown as TerminalStream & { text: string };
}

const strip = (s: string): string => s.replace(/\x1b(\[[0-9;?]*[A-Za-z]|[78])/g, ''); // eslint-disable-line no-control-regex

describe('createProgress', () => {
  it('draws a bar with stage, percentage and ETA on a terminal, and removes it when done', () => {
    const tty = fakeTerminal();
    const p = createProgress((t) => tty.write(t), { tty }); // stderr: the writer and the terminal are one stream
    p.step('reading input', 0);
    p.step('travel times: clinic', 0.42);
    expect(strip(tty.text)).toMatch(/travel times: clinic \|[^|]+\| 42% \| ETA /);
    p.log('warning: x.geojson #3: odd\n');
    // the bar's line is cleared, the warning gets its own line, and the bar is drawn again below it
    expect(tty.text).toMatch(/\x1b\[2Kwarning: x\.geojson #3: odd\n\x1b\[1Gtravel times: clinic \|/); // eslint-disable-line no-control-regex
    p.done();
    expect(tty.text.endsWith('\x1b[1G\x1b[2K')).toBe(true); // the bar's line is cleared for what follows
    expect(tty.text).not.toContain('\x1b[?25l'); // the cursor was never hidden (nothing to restore after Ctrl-C)
    expect(tty.text).not.toContain('\x1b[?7l'); // nor line wrapping switched off
    const after = tty.text.length;
    p.stop();
    p.step('late', 1); // a new bar may start after done
    p.stop();
    expect(tty.text.length).toBeGreaterThan(after);
  });

  it('writes one plain line per stage with the elapsed time when stderr is not a terminal', () => {
    let err = '';
    const p = createProgress((t) => (err += t), { tty: { ...fakeTerminal(), isTTY: false } as TerminalStream });
    p.step('reading input', 0);
    p.step('gap zones');
    p.done();
    expect(err.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^\[ +\d+\.\d s\] reading input$/),
      expect.stringMatching(/^\[ +\d+\.\d s\] gap zones$/),
      expect.stringMatching(/^\[ +\d+\.\d s\] done$/),
    ]);
  });

  it('shows nothing when quiet, and stop() after a failed run prints nothing', () => {
    let err = '';
    const quiet = createProgress((t) => (err += t), { quiet: true, tty: fakeTerminal() });
    quiet.step('reading input', 0);
    quiet.done();
    expect(err).toBe('');
    quiet.log('error: kept\n');
    expect(err).toBe('error: kept\n');
    let lines = '';
    const failed = createProgress((t) => (lines += t));
    failed.step('reading input', 0);
    failed.stop();
    failed.done();
    expect(lines).not.toMatch(/done/);
  });
});
