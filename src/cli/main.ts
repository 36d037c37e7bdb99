#!/usr/bin/env node
import { readFileSync, writeSync } from 'node:fs';

/**
 * The entry of the built command. `--help` of the command and of each subcommand is answered from
 * `help.json` beside this file (written by scripts/build-cli.mjs from the same commander program, so
 * the text is the one commander prints): no module but this one is loaded, and `lifecircle --help`
 * starts about as fast as bare node. Anything else loads the program (./program) and runs it.
 */

/** Help texts by argv joined with NUL (`--help`, `analyze\0-h`, …), or null (not built, or unreadable). */
function builtHelp(): Record<string, string> | null {
  try {
    return JSON.parse(readFileSync(new URL('./help.json', import.meta.url), 'utf8')) as Record<string, string>;
  } catch {
    return null;
  }
}

const argv = process.argv.slice(2);
const helpText = argv.some((a) => a === '--help' || a === '-h') && argv.length <= 2 ? builtHelp()?.[argv.join('\0')] : undefined;
if (helpText !== undefined) {
  // straight to file descriptor 1: process.stdout (its stream, pipe or terminal modules) is not even set up
  const bytes = Buffer.from(helpText, 'utf8');
  let at = 0;
  try {
    while (at < bytes.length) at += writeSync(1, bytes, at, bytes.length - at);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN')
      process.stdout.write(bytes.subarray(at)); // a non-blocking pipe that is full: the stream waits
    else if (code !== 'EPIPE') throw e; // EPIPE: stdout closed early (`lifecircle --help | head`)
  }
} else {
  // stdout closed early (`lifecircle … --json | head`): stop quietly, as other command-line tools do
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  import('./program')
    .then(({ runCli }) =>
      runCli(argv, {
        out: (t) => process.stdout.write(t),
        err: (t) => process.stderr.write(t),
        ...(process.stderr.isTTY ? { tty: process.stderr } : {}),
      }),
    )
    .then(
      (code) => {
        process.exitCode = code;
      },
      (e: unknown) => {
        const debug = process.env.LIFECIRCLE_DEBUG === '1';
        const text = e instanceof Error ? (debug ? (e.stack ?? e.message) : e.message) : String(e);
        process.stderr.write(`lifecircle: internal error: ${text}\n${debug ? '' : '(set LIFECIRCLE_DEBUG=1 for the stack trace)\n'}`);
        process.exitCode = 3;
      },
    );
}
