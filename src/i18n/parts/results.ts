/**
 * Strings of the results part of the UI, both languages side by side (same keys in each).
 * Merged into the resources under the top-level key `results`.
 */
export const en = {
  title: 'results',
};

export const zh: typeof en = {
  title: 'results',
};
