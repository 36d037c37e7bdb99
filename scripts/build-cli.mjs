/**
 * Builds the `lifecircle` command: src/cli/main.ts bundled by esbuild into plain JavaScript for Node
 * (ESM), `dist-cli/lifecircle.mjs` plus lazily loaded chunks in `dist-cli/chunks/` (each command is a
 * dynamic import, so `--help` loads only commander). Everything is bundled except `highs`, whose
 * WebAssembly file is found next to its own module in node_modules.
 *
 *   node scripts/build-cli.mjs [--outdir DIR] [--if-stale]
 *
 * `--if-stale` skips the build when the output is newer than every file of src/, package.json, package-lock.json and this script
 * (what `npm run cli` uses). Silent on success; exit code 1 when esbuild fails.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
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
} catch {
  process.exit(1); // esbuild has printed the errors
}
