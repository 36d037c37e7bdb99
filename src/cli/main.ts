#!/usr/bin/env node
import { answerBuiltHelp } from './built-help';

/**
 * The ES module entry of the built command (`dist-cli/lifecircle.mjs`; `bin` runs the CommonJS
 * launcher ./launcher.ts, which imports this file for anything but help). `--help` of the command
 * and of each subcommand is answered from `help.json` beside this file ({@link answerBuiltHelp}): no
 * module but this one is loaded. Anything else loads the program (./program) and runs it.
 */

const argv = process.argv.slice(2);
if (!answerBuiltHelp(argv, new URL('./help.json', import.meta.url))) {
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
        // exit as soon as stdout and stderr have taken everything written (each write's callback):
        // a natural exit first tears the whole heap down, ~50–100 ms after a large analysis
        process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
      },
      (e: unknown) => {
        const debug = process.env.LIFECIRCLE_DEBUG === '1';
        const text = e instanceof Error ? (debug ? (e.stack ?? e.message) : e.message) : String(e);
        process.stderr.write(`lifecircle: internal error: ${text}\n${debug ? '' : '(set LIFECIRCLE_DEBUG=1 for the stack trace)\n'}`);
        process.exitCode = 3;
      },
    );
}
