/**
 * Strings of the layers part of the UI, both languages side by side (same keys in each).
 * Merged into the resources under the top-level key `layers`.
 */
export const en = {
  title: 'layers',
};

export const zh: typeof en = {
  title: 'layers',
};
