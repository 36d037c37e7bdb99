/**
 * A script installed before the app's scripts (page `initScript`) that the browser tests read back as
 * `window.__probe`: the end of the latest long task (≥ 50 ms), the time the first category share text
 * appears, and — for a threshold `input` event — the time the watched share text
 * (`__probe.watchId`, compared with `__probe.before`) changes next (MutationObserver).
 */
export const PROBE = `
  window.__probe = { firstShareMs: null, inputAt: null, changedAt: null, lastLongTaskEnd: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__probe.lastLongTaskEnd = Math.max(window.__probe.lastLongTaskEnd, e.startTime + e.duration);
  }).observe({ type: 'longtask', buffered: true });
  const watch = () => {
    const obs = new MutationObserver(() => {
      const p = window.__probe;
      if (p.firstShareMs === null) {
        const el = document.querySelector('[data-testid^="category-share-"]');
        if (el && /%/.test(el.textContent || '')) p.firstShareMs = performance.now();
      }
      if (p.watchId && p.inputAt !== null && p.changedAt === null) {
        const el = document.querySelector('[data-testid="category-share-' + p.watchId + '"]');
        if (el && el.textContent !== p.before) p.changedAt = performance.now();
      }
    });
    obs.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
    document.addEventListener('input', (e) => {
      const id = e.target && e.target.getAttribute && e.target.getAttribute('data-testid');
      if (id && id.startsWith('threshold-') && window.__probe.inputAt === null) window.__probe.inputAt = performance.now();
    }, true);
  };
  if (document.documentElement) watch(); else document.addEventListener('DOMContentLoaded', watch);
`;
