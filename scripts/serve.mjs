#!/usr/bin/env node
/**
 * A tiny dependency-free static server for the built app (dist/), on 127.0.0.1 only.
 *
 *   node scripts/serve.mjs [folder]      (default: dist/ beside this script's parent)
 *
 * Port: the PORT environment variable, else 5173; when that port is taken it falls back to a free
 * one (PORT=0 asks for a free port directly). Prints the URL on stdout as `Lifecircle: <url>`.
 */
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HOST = '127.0.0.1';
const DEFAULT_PORT = 5173;

/** Content types by file extension (lower case, with the dot). */
const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pbf': 'application/x-protobuf',
  '.zip': 'application/zip',
};

const root = resolve(process.argv[2] ?? join(fileURLToPath(new URL('.', import.meta.url)), '..', 'dist'));

function fileFor(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const full = resolve(root, '.' + (path.endsWith('/') ? path + 'index.html' : path));
  if (full !== root && !full.startsWith(root + sep)) return null; // no escaping the folder
  try {
    const st = statSync(full);
    if (st.isDirectory()) return fileFor(path + '/');
    return st.isFile() ? { full, size: st.size } : null;
  } catch {
    return null;
  }
}

const server = createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const file = fileFor(req.url ?? '/');
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  res.writeHead(200, {
    'content-type': MIME[extname(file.full).toLowerCase()] ?? 'application/octet-stream',
    'content-length': file.size,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file.full).pipe(res);
});

function listen(port) {
  server.once('error', (err) => {
    if (err.code === 'EADDRINUSE' && port !== 0) {
      console.error(`Port ${port} is in use; using a free port instead.`);
      listen(0);
    } else {
      console.error(err.message);
      process.exit(1);
    }
  });
  server.listen(port, HOST, () => {
    const { port: actual } = server.address();
    console.log(`Lifecircle: http://${HOST}:${actual}/  (serving ${root}; Ctrl+C to stop)`);
  });
}

try {
  statSync(join(root, 'index.html'));
} catch {
  console.error(`No index.html in ${root}: run \`npm run build\` first.`);
  process.exit(1);
}

const requested = process.env.PORT === undefined || process.env.PORT === '' ? DEFAULT_PORT : Number(process.env.PORT);
if (!Number.isInteger(requested) || requested < 0 || requested > 65535) {
  console.error(`PORT must be an integer 0–65535, got ${JSON.stringify(process.env.PORT)}`);
  process.exit(1);
}
listen(requested);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
