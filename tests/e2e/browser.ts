/**
 * Browser-test helpers: the real static server (scripts/serve.mjs) over dist/ on a free port, and
 * Debian's Chromium through playwright-core (no browser download). Every page records its requests
 * and console errors so tests can assert that nothing leaves the machine and nothing fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '../..');
export const SCREENSHOT_DIR = path.join(here, '__screenshots__');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  '--disable-quic',
];

/** A running static server. */
export interface Server {
  url: string;
  close(): Promise<void>;
}

/** Starts `node scripts/serve.mjs dist` with PORT=0 and resolves with the URL it prints. */
export function startServer(): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, [path.join(REPO_ROOT, 'scripts/serve.mjs'), path.join(REPO_ROOT, 'dist')], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill(); reject(new Error(`server did not start: ${output}`)); }, 15000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[0],
          close: () => new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => { output += c.toString(); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}): ${output}`)); });
  });
}

/** Launches Debian's Chromium (/usr/bin/chromium) headless with SwiftShader WebGL. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A page with everything it requested and every console error it printed. */
export interface AppPage {
  page: Page;
  context: BrowserContext;
  requests: string[];
  consoleErrors: string[];
}

/** Opens the app in a new context with the given browser locale and waits for the sample on the map. */
export async function openApp(browser: Browser, url: string, locale: string): Promise<AppPage> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await page.waitForSelector('[data-testid="map"][data-map-ready="true"]', { timeout: 60000 });
  await page.waitForSelector('main[data-status="ready"]', { timeout: 60000 });
  return { page, context, requests, consoleErrors };
}

/** True for URLs that stay on this machine or inside the page. */
export function isLocalUrl(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && (u.hostname === '127.0.0.1' || u.hostname === 'localhost');
  } catch {
    return false;
  }
}

/** `[r, g, b]` colour. */
export type Rgb = readonly [number, number, number];

/** Pixel counts of a screenshot. */
export interface PixelCounts {
  total: number;
  /** Pixels farther than the tolerance from the background colour. */
  nonBackground: number;
  /** Per target colour: pixels within the tolerance of it. */
  matches: number[];
}

/**
 * Decodes a PNG in the page (no image library in Node) and counts pixels: those differing from
 * `background` by more than `tolerance` in some channel, and those within `tolerance` of each target.
 */
export async function countPixels(page: Page, png: Buffer, background: Rgb, targets: Rgb[][], tolerance: number): Promise<PixelCounts> {
  return page.evaluate(async ({ b64, background, targets, tolerance }) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(bitmap, 0, 0);
    const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const near = (i: number, c: readonly number[]) =>
      Math.abs((px[i] ?? 0) - (c[0] ?? 0)) <= tolerance && Math.abs((px[i + 1] ?? 0) - (c[1] ?? 0)) <= tolerance &&
      Math.abs((px[i + 2] ?? 0) - (c[2] ?? 0)) <= tolerance;
    const matches = targets.map(() => 0);
    let nonBackground = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (!near(i, background)) nonBackground++;
      targets.forEach((group, g) => { if (group.some((c) => near(i, c))) matches[g] = (matches[g] ?? 0) + 1; });
    }
    return { total: px.length / 4, nonBackground, matches };
  }, { b64: png.toString('base64'), background, targets, tolerance });
}

/**
 * Screenshot of the map area only, with the legend, credits and map buttons hidden so that only
 * drawn map pixels are counted. (The deck.gl canvas sits in maplibre's control container, so that
 * container itself stays visible.)
 */
export async function mapScreenshot(page: Page): Promise<Buffer> {
  const box = await page.locator('[data-testid="map"]').boundingBox();
  if (!box) throw new Error('map has no bounding box');
  const hide = await page.addStyleTag({ content: '[data-testid="legend"], [data-testid="attribution"], .maplibregl-ctrl-group, .maplibregl-ctrl-scale { visibility: hidden !important; }' });
  try {
    return await page.screenshot({ clip: box });
  } finally {
    await hide.evaluate((el) => el.parentNode?.removeChild(el));
  }
}

/** Saves a PNG under tests/e2e/__screenshots__/ (git-ignored). */
export function saveScreenshot(name: string, png: Buffer): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, name);
  writeFileSync(file, png);
  return file;
}
