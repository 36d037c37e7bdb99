/**
 * Strings of the gaps part of the UI, both languages side by side (same keys in each).
 * Merged into the resources under the top-level key `gaps`.
 */
export const en = {
  title: 'gaps',
};

export const zh: typeof en = {
  title: 'gaps',
};
