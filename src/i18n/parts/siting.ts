/**
 * Strings of the siting part of the UI, both languages side by side (same keys in each).
 * Merged into the resources under the top-level key `siting`.
 */
export const en = {
  title: 'siting',
};

export const zh: typeof en = {
  title: 'siting',
};
