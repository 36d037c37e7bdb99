/**
 * Builds the `lifecircle` command: src/cli/main.ts bundled by esbuild into plain JavaScript for Node
 * (ESM), `dist-cli/lifecircle.mjs` plus lazily loaded chunks in `dist-cli/chunks/` (the program and
 * each command are dynamic imports), and `dist-cli/lifecircle.cjs`, the launcher `bin` runs
 * (src/cli/launcher.ts as CommonJS: help from help.json, else it imports lifecircle.mjs). Everything is bundled except `highs`, whose WebAssembly file is
 * found next to its own module in node_modules. Then the built command is run once per help request
 * (`--help`, `-h`, `<command> --help`, …) and what it prints goes to `dist-cli/help.json`, from which
 * the entry answers those requests without loading the program (commander and the commands).
 *
 *   node scripts/build-cli.mjs [--outdir DIR] [--if-stale]
 *
 * `--if-stale` skips the build when the output is newer than every file of src/, package.json, package-lock.json and this script
 * (what `npm run cli` uses). Silent on success; exit code 1 when esbuild fails.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Newest modification time (ms) of the files under `dir`. */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function parseArgs(argv) {
  const options = { outdir: path.join(root, 'dist-cli'), ifStale: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--outdir' && argv[i + 1]) options.outdir = path.resolve(argv[++i]);
    else if (argv[i] === '--if-stale') options.ifStale = true;
    else throw new Error(`unknown option ${argv[i]} (options: --outdir DIR, --if-stale)`);
  }
  return options;
}

const options = parseArgs(process.argv.slice(2));
const entry = path.join(options.outdir, 'lifecircle.mjs');
const stale =
  !existsSync(entry) ||
  statSync(entry).mtimeMs <
    Math.max(
      newestMtime(path.join(root, 'src')),
      ...['package.json', 'package-lock.json', 'scripts/build-cli.mjs'].map((f) => statSync(path.join(root, f)).mtimeMs),
    );
if (options.ifStale && !stale) process.exit(0);

rmSync(options.outdir, { recursive: true, force: true });
try {
  await build({
    absWorkingDir: root,
    entryPoints: { lifecircle: 'src/cli/main.ts' },
    outdir: options.outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['highs'],
    // CommonJS dependencies (cli-progress, iconv-lite …) call require() for Node built-ins
    banner: {
      js: "import { createRequire as __lifecircleRequire } from 'node:module';\nconst require = __lifecircleRequire(import.meta.url);",
    },
    legalComments: 'none',
    logLevel: 'error',
  });
  // what `bin` runs: a CommonJS launcher (Node starts it faster than an ES module) that answers help
  // from help.json and imports lifecircle.mjs for anything else
  await build({
    absWorkingDir: root,
    entryPoints: ['src/cli/launcher.ts'],
    outfile: path.join(options.outdir, 'lifecircle.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    legalComments: 'none',
    logLevel: 'error',
  });
} catch {
  process.exit(1); // esbuild has printed the errors
}

/** The help requests answered from help.json: argv of the command, without node and script. */
const HELP_REQUESTS = ['', 'analyze', 'site', 'import-osm'].flatMap((command) =>
  ['--help', '-h'].map((flag) => (command ? [command, flag] : [flag])),
);
// help.json does not exist yet: the command prints commander's help
const texts = await Promise.all(
  HELP_REQUESTS.map(
    (args) =>
      new Promise((resolve) => {
        execFile(process.execPath, [entry, ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
          if (error || stderr !== '' || stdout === '') {
            process.stderr.write(`build-cli: lifecircle ${args.join(' ')} failed: ${error?.message ?? stderr}\n`);
            process.exit(1);
          }
          resolve(stdout);
        });
      }),
  ),
);
const help = Object.fromEntries(HELP_REQUESTS.map((args, i) => [args.join('\0'), texts[i]]));
writeFileSync(path.join(options.outdir, 'help.json'), `${JSON.stringify(help)}\n`);
