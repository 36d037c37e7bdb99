#!/usr/bin/env node
import { runCli } from './program';

// stdout closed early (`lifecircle … --json | head`): stop quietly, as other command-line tools do
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  ...(process.stderr.isTTY ? { tty: process.stderr } : {}),
}).then(
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
