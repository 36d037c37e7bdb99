/**
 * Strings of the settings part of the UI, both languages side by side (same keys in each).
 * Merged into the resources under the top-level key `settings`.
 */
export const en = {
  title: 'settings',
};

export const zh: typeof en = {
  title: 'settings',
};
