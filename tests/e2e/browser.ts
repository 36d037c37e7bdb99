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
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '../..');
export const SCREENSHOT_DIR = path.join(here, '__screenshots__');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** A running static server. */
export interface Server {
  url: string;
  close(): Promise<void>;
}

/** Starts `node scripts/serve.mjs <root>` (default dist/) with PORT=0 and resolves with the URL it prints. */
export function startServer(root = path.join(REPO_ROOT, 'dist')): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, [path.join(REPO_ROOT, 'scripts/serve.mjs'), root], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`server did not start: ${output}`));
    }, 15000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[0],
          close: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}): ${output}`));
    });
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

/** How {@link openApp} opens a page. */
export interface OpenAppOptions {
  /** Viewport in CSS pixels; default 1280 × 800. */
  viewport?: { width: number; height: number };
  /** Whether the context accepts downloads; default: Playwright's (true). */
  acceptDownloads?: boolean;
  /** Script the context runs in every page before the app's own scripts; default none. */
  initScript?: string;
  /**
   * Selectors waited for after navigation, in order, each with its timeout in milliseconds; default:
   * the map ready (`data-map-ready="true"`) then `main[data-status="ready"]`, 60 s each.
   */
  readySelectors?: readonly { selector: string; timeoutMs: number }[];
  /**
   * Whether the app's service worker may register; default 'block', so that its precaching (11 MB)
   * does not load the machine or change what other tests measure. The offline test allows it.
   */
  serviceWorkers?: 'allow' | 'block';
}

const DEFAULT_READY: NonNullable<OpenAppOptions['readySelectors']> = [
  { selector: '[data-testid="map"][data-map-ready="true"]', timeoutMs: 60000 },
  { selector: 'main[data-status="ready"]', timeoutMs: 60000 },
];

/**
 * Opens the app in a new context with the given browser locale, recording its requests and console
 * errors, and waits for the ready selectors (by default: the sample on the map).
 */
export async function openApp(browser: Browser, url: string, locale: string, options: OpenAppOptions = {}): Promise<AppPage> {
  const context = await browser.newContext({
    locale,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    acceptDownloads: options.acceptDownloads,
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  if (options.initScript !== undefined) await context.addInitScript({ content: options.initScript });
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  await page.goto(url);
  for (const { selector, timeoutMs } of options.readySelectors ?? DEFAULT_READY)
    await page.waitForSelector(selector, { timeout: timeoutMs });
  return { page, context, requests, consoleErrors };
}

/** What a browser-test file needs beyond {@link useAppSession}'s standard lifecycle. */
export interface AppSessionOptions {
  /** How every page opens (viewport, init script, what to wait for); see {@link openApp}. */
  openOptions?: OpenAppOptions;
  /** Runs on each page once it is open and registered: extra waits, handlers, default timeouts. */
  afterOpen?: (app: AppPage) => Promise<void> | void;
  /** Console errors for which this returns true do not fail the test (document why where it is defined). */
  ignoreConsoleError?: (text: string) => boolean;
  /** Extra checks after each test, after every page's own checks passed. */
  afterEachCheck?: () => Promise<void> | void;
}

/** The static server, the browser and an opener whose pages are checked and closed after each test. */
export interface AppSession {
  /** Opens the app (see {@link openApp}) in `locale` (default 'en-US') and registers the page for the after-test checks. */
  open(locale?: string): Promise<AppPage>;
  /** The running server (from `beforeAll` on). */
  readonly server: Server;
  /** The running browser (from `beforeAll` on). */
  readonly browser: Browser;
}

/**
 * Registers a browser-test file's vitest hooks: `beforeAll` starts the static server and Chromium;
 * `afterEach` asserts for every page opened during the test that no request left localhost and no
 * console error was logged, closes its context, then runs `afterEachCheck`; `afterAll` closes both.
 * Call it once at the top level of a test file.
 */
export function useAppSession(options: AppSessionOptions = {}): AppSession {
  let server: Server | undefined;
  let browser: Browser | undefined;
  const opened: AppPage[] = [];
  const running = () => {
    if (!server || !browser) throw new Error('useAppSession: server and browser start in beforeAll; use them inside tests');
    return { server, browser };
  };
  const ignore = options.ignoreConsoleError;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterEach(async () => {
    for (const app of opened.splice(0)) {
      expect(
        app.requests.filter((u) => !isLocalUrl(u)),
        'requests that left localhost',
      ).toEqual([]);
      expect(ignore ? app.consoleErrors.filter((e) => !ignore(e)) : app.consoleErrors, 'console errors').toEqual([]);
      await app.context.close();
    }
    await options.afterEachCheck?.();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    async open(locale = 'en-US') {
      const { server, browser } = running();
      const app = await openApp(browser, server.url, locale, options.openOptions);
      opened.push(app);
      await options.afterOpen?.(app);
      return app;
    },
    get server() {
      return running().server;
    },
    get browser() {
      return running().browser;
    },
  };
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
  return page.evaluate(
    async ({ b64, background, targets, tolerance }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(bitmap, 0, 0);
      const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const near = (i: number, c: readonly number[]) =>
        Math.abs((px[i] ?? 0) - (c[0] ?? 0)) <= tolerance &&
        Math.abs((px[i + 1] ?? 0) - (c[1] ?? 0)) <= tolerance &&
        Math.abs((px[i + 2] ?? 0) - (c[2] ?? 0)) <= tolerance;
      const matches = targets.map(() => 0);
      let nonBackground = 0;
      for (let i = 0; i < px.length; i += 4) {
        if (!near(i, background)) nonBackground++;
        targets.forEach((group, g) => {
          if (group.some((c) => near(i, c))) matches[g] = (matches[g] ?? 0) + 1;
        });
      }
      return { total: px.length / 4, nonBackground, matches };
    },
    { b64: png.toString('base64'), background, targets, tolerance },
  );
}

/**
 * Screenshot of the map area only, with the legend, credits and map buttons hidden so that only
 * drawn map pixels are counted. (The deck.gl canvas sits in maplibre's control container, so that
 * container itself stays visible.)
 */
export async function mapScreenshot(page: Page): Promise<Buffer> {
  const box = await page.locator('[data-testid="map"]').boundingBox();
  if (!box) throw new Error('map has no bounding box');
  const hide = await page.addStyleTag({
    content:
      '[data-testid="legend"], [data-testid="attribution"], .maplibregl-ctrl-group, .maplibregl-ctrl-scale { visibility: hidden !important; }',
  });
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
