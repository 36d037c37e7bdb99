/**
 * Strings of the export part of the UI, both languages side by side (same keys in each).
 * Merged into the resources under the top-level key `export`.
 */
export const en = {
  title: 'export',
};

export const zh: typeof en = {
  title: 'export',
};
