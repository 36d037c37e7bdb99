/**
 * The "new version" notice of the installable app, in real Chromium: a copy of the build is served
 * and visited once (the service worker installs and controls the page); then a second build is
 * deployed in its place (index.html marked, its precache revision changed in sw.js, as a rebuild
 * does); on the next visit the new worker installs and waits, the notice offers to reload and the
 * page keeps running the old version until the planner accepts; "Reload" activates the new version.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, isLocalUrl, launchBrowser, openApp, saveScreenshot, startServer, type Server } from './browser';

const READY = [
  { selector: '[data-testid="map"][data-map-ready="true"]', timeoutMs: 180_000 },
  { selector: 'main[data-status="ready"]', timeoutMs: 180_000 },
];

let root = '';
let server: Server;
let browser: Browser;
beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'lifecircle-update-'));
  cpSync(path.join(REPO_ROOT, 'dist'), root, { recursive: true });
  server = await startServer(root);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Deploys "the next build": index.html gets a marker, and sw.js the new revision of index.html. */
function deploySecondBuild() {
  const html = path.join(root, 'index.html');
  writeFileSync(html, readFileSync(html, 'utf8').replace('<head>', '<head><meta name="lifecircle-build" content="second">'));
  const sw = path.join(root, 'sw.js');
  const text = readFileSync(sw, 'utf8');
  const next = text.replace(/(\{url:"index\.html",revision:")[0-9a-f]+"/, '$1second-build"');
  if (next === text) throw new Error('sw.js: no precache entry for index.html');
  writeFileSync(sw, next);
}

const secondBuild = 'meta[name="lifecircle-build"]';

describe('app update', () => {
  it('a new deployment waits for the planner: the notice offers a reload, which brings the new version', async () => {
    const app = await openApp(browser, server.url, 'en-US', { serviceWorkers: 'allow', readySelectors: READY });
    const { page } = app;
    page.setDefaultTimeout(180_000);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 180_000 });
    await page.getByTestId('offline-ready-notice').waitFor({ timeout: 180_000 });
    expect(await page.getByTestId('update-notice').count()).toBe(0);

    deploySecondBuild();
    await page.reload();
    for (const { selector, timeoutMs } of READY) await page.waitForSelector(selector, { timeout: timeoutMs });
    const notice = page.getByTestId('update-notice');
    await notice.waitFor({ timeout: 180_000 });
    expect(await notice.innerText()).toContain('A new version of Lifecircle is available.');
    // nothing reloaded by itself: the page still runs the first build, from the old precache
    expect(await page.locator(secondBuild).count()).toBe(0);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting != null)).toBe(true);
    const box = (await notice.boundingBox())!;
    saveScreenshot(
      'update-notice.png',
      await page.screenshot({
        clip: { x: Math.max(0, box.x - 20), y: Math.max(0, box.y - 10), width: box.width + 40, height: box.height + 20 },
      }),
    );

    await page.getByTestId('update-reload').click();
    await page.waitForSelector(secondBuild, { state: 'attached', timeout: 180_000 });
    for (const { selector, timeoutMs } of READY) await page.waitForSelector(selector, { timeout: timeoutMs });
    expect(await page.getByTestId('update-notice').count()).toBe(0);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting == null)).toBe(true);

    expect(
      app.requests.filter((u) => !isLocalUrl(u)),
      'requests that left localhost',
    ).toEqual([]);
    expect(app.consoleErrors, 'console errors').toEqual([]);
    await app.context.close();
  }, 600_000);
});
