/**
 * CPU profile of the app in Chromium's software renderer (SwiftShader, the e2e suite's browser and
 * flags) on the built-in sample at 1400 × 900: the first open (navigation → map settled) and one zoom
 * step (the map's + button, then a wheel step). For each phase it prints the wall time, the number
 * of animation frames and long tasks, the top functions by self time and by total time (main
 * thread), and writes the `.cpuprofile` (open it in Chrome DevTools → Performance) to `--out`.
 *
 * Usage: `npx vite build && npm run profile:render -- [--out /tmp/profiles] [--top 25] [--hide coverage,facilities] [--show-hide heat]`
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser, startServer } from '../tests/e2e/browser';
import { PROBE } from '../tests/e2e/share-probe';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A long animation frame as the page records it. */
interface Loaf {
  start: number;
  duration: number;
  render: number;
  layout: number;
  scripts: { invoker: string; duration: number; layout: number; source: string }[];
}

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const OUT = arg('out', '/tmp/lifecircle-profiles');
const TOP = Number(arg('top', '25'));
/** Legend toggles (`roads`, `communities`, `facilities`, `coverage`, `gapZones`, `serviceAreas`) switched off before the zoom steps. */
/** Legend toggles switched on, then off again, before the zoom steps (e.g. `heat`, as render-timing.e2e does). */
const SHOW_HIDE = arg('show-hide', '')
  .split(',')
  .filter((x) => x !== '');
const HIDE = arg('hide', '')
  .split(',')
  .filter((x) => x !== '');

/**
 * CPU seconds (user + system, from /proc) of the threads of each Chromium process under `root`,
 * keyed by the process's `--type` (browser, renderer, gpu-process…) and the thread's name: what the phase cost, whatever else loads the machine.
 */
function cpuByType(root: number): Map<string, number> {
  const tick = 100; // USER_HZ on Linux
  const read = (file: string) => {
    const stat = readFileSync(file, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
      ppid: Number(f[1]),
      cpu: (Number(f[11]) + Number(f[12])) / tick,
    };
  };
  const procs = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
        const type = /--type=([\w-]+)/.exec(cmd)?.[1] ?? 'browser';
        return [{ pid: Number(d), ppid: read(`/proc/${d}/stat`).ppid, type }];
      } catch {
        return [];
      }
    });
  const inTree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs)
      if (!inTree.has(p.pid) && inTree.has(p.ppid)) {
        inTree.add(p.pid);
        grew = true;
      }
  }
  const out = new Map<string, number>();
  for (const p of procs) {
    if (!inTree.has(p.pid)) continue;
    for (const t of readdirSync(`/proc/${p.pid}/task`)) {
      try {
        const { name, cpu } = read(`/proc/${p.pid}/task/${t}/stat`);
        const key = `${p.type}/${name.replace(/\d+$/, '#')}`;
        out.set(key, (out.get(key) ?? 0) + cpu);
      } catch {
        // the thread ended
      }
    }
  }
  return out;
}
let browserPid = 0;

/** Counts animation frames and long tasks from the page's start (read back as `window.__frames`). */
const FRAMES = `
  window.__frames = { count: 0, loaf: [], times: [], zoomAt: [], marks: [] };
  new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target;
      if (r.type === 'attributes' && el.getAttribute) window.__frames.marks.push([performance.now(), r.attributeName + '=' + String(el.getAttribute(r.attributeName)).slice(0, 80)]);
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-status', 'data-layers', 'data-map-ready'] });
  const tick = (t) => { window.__frames.count++; window.__frames.times.push(t); requestAnimationFrame(tick); };
  const watchZoom = () => {
    const el = document.querySelector('[data-testid="map"]');
    if (!el) return setTimeout(watchZoom, 50);
    new MutationObserver(() => window.__frames.zoomAt.push(performance.now())).observe(el, { attributes: true, attributeFilter: ['data-zoom'] });
  };
  watchZoom();
  requestAnimationFrame(tick);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      window.__frames.loaf.push({
        start: e.startTime,
        duration: e.duration,
        render: e.startTime + e.duration - e.renderStart,
        layout: e.startTime + e.duration - e.styleAndLayoutStart,
        scripts: e.scripts.map((s) => ({ invoker: s.invoker, duration: s.duration, layout: s.forcedStyleAndLayoutDuration, source: (s.sourceFunctionName || '') + ' ' + (s.sourceURL || '').split('/').pop() + ':' + s.sourceCharPosition })),
      });
  }).observe({ type: 'long-animation-frame', buffered: true });
`;

/** `name (file:line)` of a call frame, the file shortened to its last path part. */
function label(cf: ProfileNode['callFrame']): string {
  const file = cf.url ? cf.url.split('/').pop()!.split('?')[0] : '';
  return `${cf.functionName || '(anonymous)'}${file ? ` ${file}:${cf.lineNumber + 1}:${cf.columnNumber + 1}` : ''}`;
}

/** Self and total milliseconds per function label (total counts a recursive function once per stack). */
function summarise(profile: CpuProfile): { self: Map<string, number>; total: Map<string, number>; ms: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let ms = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    ms += dt;
    const node = byId.get(id)!;
    const own = label(node.callFrame);
    self.set(own, (self.get(own) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!.callFrame);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + dt);
    }
  });
  return { self, total, ms };
}

const top = (m: Map<string, number>, n: number) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `  ${v.toFixed(0).padStart(7)} ms  ${k}`)
    .join('\n');

const longTaskEnd = (page: Page) =>
  page.evaluate(() => (window as unknown as { __probe: { lastLongTaskEnd: number } }).__probe.lastLongTaskEnd);

/** Waits until the main thread has had no long task for `quietMs`. */
async function settled(page: Page, quietMs = 1500): Promise<void> {
  await page.waitForFunction(
    (q) => performance.now() - (window as unknown as { __probe: { lastLongTaskEnd: number } }).__probe.lastLongTaskEnd > q,
    quietMs,
    { timeout: 180_000, polling: 100 },
  );
}

/** Runs `action` under the CPU profiler and prints its summary. */
async function phase(page: Page, cdp: CDPSession, name: string, action: () => Promise<void>): Promise<void> {
  const frames0 = await page.evaluate(() => (window as unknown as { __frames?: { count: number } }).__frames?.count ?? 0);
  const t0 = await page.evaluate(() => performance.now());
  await cdp.send('Profiler.start');
  const cpu0 = cpuByType(browserPid);
  const wall0 = Date.now();
  await action();
  const wall = Date.now() - wall0;
  const cpu1 = cpuByType(browserPid);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const frames = (await page.evaluate(() => (window as unknown as { __frames?: { count: number } }).__frames?.count ?? 0)) - frames0;
  const lastLong = Math.max(0, (await longTaskEnd(page)) - t0);
  const loaf = (await page.evaluate(() => (window as unknown as { __frames?: { loaf: Loaf[] } }).__frames?.loaf ?? [])).filter(
    (f) => f.start >= t0,
  );
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  const { self, total, ms } = summarise(profile);
  console.log(
    `\n=== ${name}: wall ${wall} ms, last long task ends ${lastLong.toFixed(0)} ms after start, ${frames} animation frames, CPU sampled ${ms.toFixed(0)} ms (${file})`,
  );
  const { times, zoomAt } = await page.evaluate(() => {
    const f = (window as unknown as { __frames: { times: number[]; zoomAt: number[] } }).__frames;
    return { times: f.times, zoomAt: f.zoomAt };
  });
  const gaps = times
    .filter((t) => t >= t0)
    .map((t, i, a) => (i ? t - a[i - 1]! : 0))
    .slice(1);
  console.log(
    `-- data-zoom changed at ${zoomAt
      .filter((t) => t >= t0)
      .map((t) => (t - t0).toFixed(0))
      .join(', ')} ms; frame intervals (ms, first 60): ${gaps
      .slice(0, 60)
      .map((g) => g.toFixed(0))
      .join(' ')}`,
  );
  console.log(
    `-- CPU time by process/thread: ${[...cpu1.entries()]
      .map(([k, v]) => [k, (v - (cpu0.get(k) ?? 0)) * 1000] as const)
      .filter(([, ms]) => ms >= 20)
      .sort((a, b) => b[1] - a[1])
      .map(([k, ms]) => `${k} ${ms.toFixed(0)} ms`)
      .join(', ')}`,
  );
  if (name === 'first-open') {
    const { marks, share, app } = await page.evaluate(() => ({
      app: performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('lifecircle:'))
        .map((m) => `${m.name} ${m.startTime.toFixed(0)} ms`),
      marks: (window as unknown as { __frames: { marks: [number, string][] } }).__frames.marks,
      share: (window as unknown as { __probe: { firstShareMs: number | null } }).__probe.firstShareMs,
    }));
    console.log(`-- app marks: ${app.join(', ')}`);
    console.log(`-- share text at ${share?.toFixed(0)} ms; ${marks.map(([t, m]) => `${t.toFixed(0)} ${m}`).join(' | ')}`);
  }
  console.log(`-- long animation frames (≥ 50 ms): ${loaf.length}, total ${loaf.reduce((a, f) => a + f.duration, 0).toFixed(0)} ms`);
  for (const f of loaf.slice(0, TOP))
    console.log(
      `  at ${(f.start - t0).toFixed(0).padStart(6)} ms: ${f.duration.toFixed(0).padStart(5)} ms (render ${f.render.toFixed(0)}, style+layout ${f.layout.toFixed(0)}) ${f.scripts
        .filter((x) => x.duration >= 5)
        .map((x) => `[${x.invoker} ${x.duration.toFixed(0)} ms${x.layout ? `, forced layout ${x.layout.toFixed(0)}` : ''} ${x.source}]`)
        .join(' ')}`,
    );
  console.log(`-- self time\n${top(self, TOP)}`);
  console.log(`-- total time\n${top(total, TOP)}`);
}

const server = await startServer();
const browser = await launchBrowser();
browserPid = process.pid; // Chromium and its children run under this process
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block', locale: 'en-US' });
  await context.addInitScript({ content: PROBE + FRAMES });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await phase(page, cdp, 'first-open', async () => {
    await page.goto(server.url);
    await page.waitForSelector('[data-testid="map"][data-map-ready="true"]', { timeout: 180_000 });
    await page.waitForSelector('main[data-status="ready"]', { timeout: 180_000 });
    await settled(page);
  });
  for (const layer of SHOW_HIDE) {
    await page.getByTestId(`toggle-${layer}`).setChecked(true);
    await settled(page, 1000);
    await page.getByTestId(`toggle-${layer}`).setChecked(false);
  }
  for (const layer of HIDE) await page.getByTestId(`toggle-${layer}`).setChecked(false);
  if (HIDE.length + SHOW_HIDE.length > 0) await settled(page, 1000);
  const zoomOnce = async (how: () => Promise<void>) => {
    const before = await page.getByTestId('map').getAttribute('data-zoom');
    await how();
    await page.waitForFunction((z) => document.querySelector('[data-testid="map"]')?.getAttribute('data-zoom') !== z, before, {
      timeout: 90_000,
      polling: 20,
    });
    await settled(page, 1000);
  };
  await phase(page, cdp, 'zoom-button', () => zoomOnce(() => page.locator('.maplibregl-ctrl-zoom-in').click()));
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await settled(page, 1000);
  await phase(page, cdp, 'zoom-wheel', () => zoomOnce(() => page.mouse.wheel(0, -300)));
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
