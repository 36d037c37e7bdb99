import { clearLine, cursorTo } from 'node:readline';
import cliProgress from 'cli-progress';

/** A terminal stream the progress bar is drawn on (process.stderr when it is a TTY). */
export type TerminalStream = Pick<NodeJS.WriteStream, 'write' | 'isTTY' | 'columns'>;

/** Progress of one command run, on stderr. */
export interface Progress {
  /** A stage begins; `fraction` (0–1) is the share of the whole run done before it, when known. */
  step(name: string, fraction?: number): void;
  /** The run succeeded: the bar is removed, or the total time printed. Idempotent. */
  done(): void;
  /** The run ended (success or not): the bar is removed, nothing printed. Idempotent. */
  stop(): void;
  /** Write text to stderr without tearing the bar (warnings and errors during a run). */
  log(text: string): void;
}

/** How progress is shown: `quiet` shows none; `tty` draws a bar on that terminal; else plain lines. */
export interface ProgressMode {
  quiet?: boolean;
  /** stderr when it is a terminal; absent when stderr is a pipe or a file. */
  tty?: TerminalStream;
}

const BAR_FORMAT = '{stage} |{bar}| {percentage}% | ETA {eta_formatted}';

/** Progress that shows nothing; `log` still writes. */
function silentProgress(write: (text: string) => void): Progress {
  return { step() {}, done() {}, stop() {}, log: write };
}

/** One line per stage, `[  1.2 s] travel times: clinic`, and `[  3.4 s] done` at the end. */
function lineProgress(write: (text: string) => void): Progress {
  let t0: number | null = null;
  const at = (): string => `[${((performance.now() - (t0 ?? performance.now())) / 1000).toFixed(1).padStart(5)} s]`;
  return {
    step(name) {
      t0 ??= performance.now();
      write(`${at()} ${name}\n`);
    },
    done() {
      if (t0 === null) return;
      write(`${at()} done\n`);
      t0 = null;
    },
    stop() {
      t0 = null;
    },
    log: write,
  };
}

/** A cli-progress bar (stage, percentage, ETA) on `tty`; started at the first step, removed by `done`. */
function barProgress(tty: TerminalStream, write: (text: string) => void): Progress {
  let bar: cliProgress.SingleBar | null = null;
  let value = 0;
  let stage = '';
  const stream = tty as NodeJS.WriteStream;
  return {
    step(name, fraction) {
      if (fraction !== undefined) value = Math.max(value, Math.min(100, Math.round(fraction * 100)));
      stage = name;
      if (!bar) {
        // the engine runs synchronously, so the bar is drawn at each step (render), not by its timer;
        // the cursor and line wrapping are left alone (trimmed to the width instead), so that Ctrl-C
        // during a long stage leaves the terminal as it was
        bar = new cliProgress.SingleBar(
          {
            stream,
            format: BAR_FORMAT,
            hideCursor: false,
            linewrap: true,
            clearOnComplete: true,
            forceRedraw: true,
            barsize: 24,
            etaBuffer: 4,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(100, value, { stage });
      } else bar.update(value, { stage });
      bar.render();
    },
    done() {
      this.stop();
    },
    stop() {
      if (!bar) return;
      bar.stop();
      bar = null;
    },
    log(text) {
      if (!bar) return write(text);
      cursorTo(stream, 0);
      clearLine(stream, 0);
      write(text);
      bar.render();
    },
  };
}

/**
 * Progress of a command on stderr: nothing when `quiet`; a bar with stage name, percentage and ETA
 * when stderr is a terminal (`tty`); otherwise one plain line per stage with the elapsed time.
 *
 * @param write where text for stderr goes
 * @param mode quiet, or the terminal to draw on
 */
export function createProgress(write: (text: string) => void, mode: ProgressMode = {}): Progress {
  if (mode.quiet) return silentProgress(write);
  if (mode.tty?.isTTY) return barProgress(mode.tty, write);
  return lineProgress(write);
}
