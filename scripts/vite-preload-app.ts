/**
 * Vite plugin: the built index.html asks for the app's main chunk (the dynamic import of
 * src/start-ui.tsx, about 3 MB) and its CSS with `<link rel="modulepreload">` / `<link rel="preload"
 * as="style">`, so they download from the start while the small entry (src/main.tsx) begins the start
 * and, on a first visit, waits for the sample to reach the engine worker before it lets the chunk run
 * (the chunk's evaluation holds the main thread for 0.5–1 s in a software-rendered VM).
 */
import type { Plugin } from 'vite';

/** The module the entry imports dynamically: the app. */
const APP_MODULE = /[\\/]src[\\/]start-ui\.tsx$/;

export function preloadApp(): Plugin {
  return {
    name: 'lifecircle-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).flatMap((c) =>
          c.type === 'chunk' && c.facadeModuleId !== null && APP_MODULE.test(c.facadeModuleId) ? [c] : [],
        );
        const chunk = chunks[0];
        if (chunks.length !== 1 || !chunk) throw new Error(`preload-app: expected one chunk of src/start-ui.tsx, found ${chunks.length}`);
        const css = [...(chunk.viteMetadata?.importedCss ?? [])];
        return [
          { tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` }, injectTo: 'head' as const },
          ...css.map((href) => ({ tag: 'link', attrs: { rel: 'preload', as: 'style', href: `./${href}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}
