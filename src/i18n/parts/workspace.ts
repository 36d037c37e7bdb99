/**
 * Strings of the workspace part of the UI, both languages side by side (same keys in each).
 * Merged into the resources under the top-level key `workspace`.
 */
export const en = {
  title: 'workspace',
};

export const zh: typeof en = {
  title: 'workspace',
};
