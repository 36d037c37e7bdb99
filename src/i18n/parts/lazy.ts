/**
 * Strings about parts of the app's code loaded on first use (charts, exports, the PMTiles base map):
 * what a failed load says. Both languages side by side (same keys in each). Merged into the
 * resources under the top-level key `lazy`.
 */
export const en = {
  /** A part of the app's code did not load (offline before it was cached, or a broken deployment). */
  failed: 'This part of the app could not load ({{reason}}). Reload the page to try again.',
};

export const zh: typeof en = {
  failed: '程序的这一部分无法加载（{{reason}}）。请刷新页面重试。',
};
