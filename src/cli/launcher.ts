#!/usr/bin/env node
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { answerBuiltHelp } from './built-help';

/**
 * What `bin` runs: built by scripts/build-cli.mjs as CommonJS (`dist-cli/lifecircle.cjs`), because
 * Node starts a CommonJS file about 10 ms faster than an ES module (no ESM loader to set up), and
 * `lifecircle --help` should start as fast as bare node. Help requests are answered from help.json
 * ({@link answerBuiltHelp}); anything else imports the ES module entry beside it (./main.ts, built as
 * `lifecircle.mjs`), which runs the program.
 */
if (!answerBuiltHelp(process.argv.slice(2), join(__dirname, 'help.json'))) {
  import(pathToFileURL(join(__dirname, 'lifecircle.mjs')).href).catch((e: unknown) => {
    process.stderr.write(`lifecircle: cannot start: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 3;
  });
}
