/**
 * The localStorage key set to '1' once a workspace record was written in this browser (read
 * synchronously at the start by ./persistence.ts, and by the script index.html runs before the app,
 * scripts/vite-preload-sample.ts). Its own module, free of imports, so the build can read it.
 */
export const SAVED_FLAG = 'lifecircle:workspace-saved';
